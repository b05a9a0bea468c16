// Builds the renderer (React + Slate) into dist/renderer/, served by Electron's app:// protocol and by browser mode.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../electron/security/content-security-policy.ts';

/** The page carries its policy as a meta element too (without frame-ancestors, which only a header can set). */
const metaPolicy = CONTENT_SECURITY_POLICY.split('; ').filter((directive) => !directive.startsWith('frame-ancestors')).join('; ');

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  // React's production build whoever builds it: vitest sets NODE_ENV=test, which would otherwise bring
  // React's development build (slower, larger) into a renderer that browser mode then serves
  mode: 'production',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  oxc: { jsx: { runtime: 'automatic', development: false } },
  // copied as they are into dist/renderer: favicon.ico, browser mode's tab icon (bin/make-icons.mjs makes it)
  publicDir: fileURLToPath(new URL('../assets/public', import.meta.url)),
  plugins: [
    {
      name: 'jianbao-content-security-policy',
      transformIndexHtml: (html) => html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${metaPolicy}" />`),
    },
  ],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
});
