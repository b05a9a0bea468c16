// The Content-Security-Policies of the app, for every way its pages are served: the page's own (the
// app:// protocol of the desktop app, browser mode's server, and the <meta> the vite build writes into
// index.html) and the print documents' of PDF export.

/** The page: only our own origin; inline styles for React's style props and the print preview's srcdoc frame, which inherits this policy. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "frame-src 'self' blob: about:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

/** A print document is static HTML with its own <style>: no script, no request but for its photos, served beside it. */
export const PRINT_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; font-src data:";
