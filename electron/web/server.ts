// Browser mode's local server: serves the built renderer on 127.0.0.1 and carries API calls to the
// same dispatch Electron's IPC uses. Requests without the per-run token, from another origin, or for
// another host name (DNS rebinding) are refused.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Dispatch } from '../api/dispatch.ts';
import { MAX_UPLOAD_BASE64 } from '../../shared/api/contract.ts';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.ts';

export interface WebServerOptions {
  dispatch: Dispatch;
  /** the built renderer (dist/renderer) */
  staticDir: string;
  port?: number;
  /** fixed token for tests; a random one otherwise */
  token?: string;
}

export interface WebServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

const MAX_BODY_BYTES = MAX_UPLOAD_BASE64 + 1024 * 1024;

function sameToken(given: string | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(response: ServerResponse, status: number, body: string | Buffer, type: string): void {
  response.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'content-security-policy': CONTENT_SECURITY_POLICY,
  });
  response.end(body);
}

const sendJson = (response: ServerResponse, status: number, value: unknown) => send(response, status, JSON.stringify(value), MIME['.json']!);
const refuse = (response: ServerResponse, status: number, message: string) =>
  sendJson(response, status, { ok: false, error: { code: 'forbidden', message } });

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let origin = '';
  let allowedHosts: string[] = [];

  async function serveStatic(pathname: string, response: ServerResponse): Promise<void> {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    const file = join(options.staticDir, relative === '' ? 'index.html' : relative);
    if (!file.startsWith(options.staticDir + sep) && file !== options.staticDir) return refuse(response, 403, '拒绝访问');
    const info = await stat(file).catch(() => null);
    const target = info?.isFile() ? file : join(options.staticDir, 'index.html');
    const isIndex = target.endsWith(`${sep}index.html`);
    const content = await readFile(target).catch(() => null);
    if (!content) return send(response, 404, '页面不存在。请先运行 npm run web 构建界面。', 'text/plain; charset=utf-8');
    if (isIndex) {
      const html = content.toString('utf8').replace('<head>', `<head>\n    <meta name="jianbao-token" content="${token}" />`);
      return send(response, 200, html, MIME['.html']!);
    }
    send(response, 200, content, MIME[extname(target)] ?? 'application/octet-stream');
  }

  async function handleApi(method: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST') return refuse(response, 405, '只接受 POST 请求');
    const requestOrigin = request.headers.origin;
    if (requestOrigin !== undefined && !allowedHosts.some((host) => requestOrigin === `http://${host}`)) return refuse(response, 403, '拒绝来自其他网站的请求');
    if (!sameToken(request.headers['x-jianbao-token'] as string | undefined, token)) return refuse(response, 403, '缺少或错误的访问令牌，请从“简报”打开的地址访问');
    if (!/^application\/json\b/.test(request.headers['content-type'] ?? '')) return refuse(response, 415, '请求格式应为 JSON');
    const body = await readBody(request);
    if (body === null) return refuse(response, 413, '请求内容过大');
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      return sendJson(response, 400, { ok: false, error: { code: 'invalid-input', message: '请求内容不是有效的 JSON' } });
    }
    sendJson(response, 200, await options.dispatch(method, payload));
  }

  const server: Server = createServer((request, response) => {
    const host = request.headers.host ?? '';
    if (!allowedHosts.includes(host)) return refuse(response, 403, '拒绝访问：主机名不正确');
    const url = new URL(request.url ?? '/', origin);
    const work = url.pathname.startsWith('/api/') ? handleApi(url.pathname.slice(5), request, response) : serveStatic(url.pathname, response);
    work.catch(() => {
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: { code: 'internal', message: '本地服务出错，数据未被修改' } });
      else response.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];

  return {
    url: origin,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
