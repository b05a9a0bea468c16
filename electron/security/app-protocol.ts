// The app:// protocol the pages are served from instead of file://: its privileges, the policies it
// sends, and the handler that serves the files of dist/renderer at app://jianbao and the print
// documents of PDF export at app://print (another origin, so they can never call the API), nothing else.
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { staticFile } from './static-file.ts';
import type { CustomScheme } from 'electron';
import { CONTENT_SECURITY_POLICY, PRINT_CONTENT_SECURITY_POLICY } from './content-security-policy.ts';

export const APP_SCHEME = 'app';
export const APP_HOST = 'jianbao';
export const PRINT_HOST = 'print';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** standard + secure gives the pages a real origin and a secure context; nothing bypasses the CSP */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

function parseAppUrl(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` ? parsed : null;
  } catch {
    return null;
  }
}

/** True for URLs of our own pages (app://jianbao/...), false for everything else, malformed included. */
export function isAppUrl(url: string): boolean {
  return parseAppUrl(url)?.host === APP_HOST;
}

function respond(status: number, body: Uint8Array<ArrayBuffer> | string | null, contentType: string, policy: string): Response {
  return new Response(body, {
    status,
    headers: { 'content-type': contentType, 'content-security-policy': policy, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' },
  });
}

const notFound = () => respond(404, '未找到该文件', 'text/plain; charset=utf-8', CONTENT_SECURITY_POLICY);

export interface AppProtocolSources {
  /** the built renderer, dist/renderer */
  rendererDir: string;
  /** the HTML of a print document by the path of its app://print URL, while PDF export needs it */
  printDocument?: (pathname: string) => string | undefined;
  /** a photo such a document shows, by its path (app://print/images/<id>.jpg|png) */
  printImage?: (pathname: string) => Uint8Array | undefined;
}

/** The protocol.handle handler: GET/HEAD only, each response with its CSP; 404 for anything else. */
export function createAppProtocolHandler({ rendererDir, printDocument = () => undefined, printImage = () => undefined }: AppProtocolSources): (request: Request) => Promise<Response> {
  const root = resolve(rendererDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return respond(405, '不支持的请求', 'text/plain; charset=utf-8', CONTENT_SECURITY_POLICY);
    }
    const url = parseAppUrl(request.url);
    const head = request.method === 'HEAD';
    if (url?.host === PRINT_HOST) {
      const image = url.pathname.startsWith('/images/') ? printImage(url.pathname) : undefined;
      if (image) return respond(200, head ? null : new Uint8Array(image), url.pathname.endsWith('.jpg') ? 'image/jpeg' : 'image/png', PRINT_CONTENT_SECURITY_POLICY);
      const html = printDocument(url.pathname);
      return html === undefined ? notFound() : respond(200, head ? null : html, CONTENT_TYPES['.html']!, PRINT_CONTENT_SECURITY_POLICY);
    }
    if (url?.host !== APP_HOST) return notFound();
    const found = staticFile(root, url.pathname);
    if (found === null) return notFound();
    const file = found === root ? join(root, 'index.html') : found;
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return notFound();
    }
    const contentType = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return respond(200, head ? null : new Uint8Array(body), contentType, CONTENT_SECURITY_POLICY);
  };
}
