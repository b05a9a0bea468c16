// Browser mode's local server: serves the built renderer on 127.0.0.1 and carries API calls to the
// same dispatch Electron's IPC uses. Only the person who started it gets in: the one-time login
// address it prints (and writes, owner-only, to the data folder) is traded once for a session cookie
// (login.ts). Requests without that cookie, from another origin, or for another host name (DNS
// rebinding) are refused; calls that change the archive are rate-limited per session (rate-limit.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { Dispatch } from '../api/dispatch.ts';
import { MAX_IMAGE_BASE64, MAX_UPLOAD_BASE64 } from '../../shared/api/contract.ts';
import { staticFile } from '../security/static-file.ts';
import { CONTENT_SECURITY_POLICY } from '../security/content-security-policy.ts';
import { LOGIN_PATH, LoginGate, sessionCookie } from './login.ts';
import { SessionRateLimiter } from './rate-limit.ts';

export interface WebServerOptions {
  dispatch: Dispatch;
  /** the built renderer (dist/renderer) */
  staticDir: string;
  /** the data folder: the current one-time login address is kept in <dataDir>/browser-login.txt (mode 0600) */
  dataDir: string;
  port?: number;
  /** where a fresh login address is announced after one was used (default: stdout) */
  log?: (line: string) => void;
}

export interface WebServer {
  /** the origin, e.g. http://127.0.0.1:5170 (opening it without logging in gets the 401 page) */
  url: string;
  /** the file holding the login address that works now */
  loginFile: string;
  /** Makes a fresh one-time login address (the previous unused one stops working) and writes it to loginFile. */
  loginUrl(): string;
  /** the listening socket's own address */
  address(): AddressInfo;
  close(): Promise<void>;
}

interface Session {
  limiter: SessionRateLimiter;
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

const MAX_BODY_BYTES = Math.max(MAX_UPLOAD_BASE64, MAX_IMAGE_BASE64) + 1024 * 1024;
const TOO_FREQUENT = '操作过于频繁，请稍后再试';

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': CONTENT_SECURITY_POLICY,
};

function send(response: ServerResponse, status: number, body: string | Buffer, type: string, headers: Record<string, string> = {}): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': String(bytes.length), ...headers });
  response.end(bytes);
}

const sendJson = (response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) =>
  send(response, status, JSON.stringify(value), MIME['.json']!, headers);
const refuse = (response: ServerResponse, status: number, message: string, code: 'forbidden' | 'invalid-input' = 'forbidden') =>
  sendJson(response, status, { ok: false, error: { code, message } });

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page anyone without a session gets: where to find the login address, and no secret. */
function loginRequiredPage(loginFile: string): string {
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <title>简报：请从启动时显示的地址打开</title>
  </head>
  <body style="font-family: sans-serif; max-width: 42em; margin: 4em auto; line-height: 1.8">
    <h1>请从“简报”启动时显示的地址打开</h1>
    <p>浏览器模式只供启动它的人使用。请打开运行 <code>npm run web</code>（或 <code>npm start</code>）时显示的地址；该地址只能使用一次。</p>
    <p>要在另一个浏览器中打开，请使用文件 <code>${escapeHtml(loginFile)}</code> 中的新地址（每次使用后都会更新）。</p>
    <p>如果您刚刚已在本浏览器中打开过登录地址，请<a href="/">点此进入简报</a>。</p>
  </body>
</html>
`;
}

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
  const log = options.log ?? ((line: string) => console.log(line));
  const staticRoot = resolve(options.staticDir);
  let origin = '';
  let allowedHosts: string[] = [];
  let gate!: LoginGate<Session>;

  function loginRequired(response: ServerResponse): void {
    send(response, 401, loginRequiredPage(gate.loginFile), MIME['.html']!);
  }

  function handleLogin(pathname: string, request: IncomingMessage, response: ServerResponse): void {
    if (request.method !== 'GET') return refuse(response, 405, '只接受 GET 请求');
    // a browser guessing ahead (prefetch, prerender) must not spend the address before it is opened
    const purpose = `${request.headers['sec-purpose'] ?? ''} ${request.headers.purpose ?? ''}`;
    if (/prefetch|prerender/i.test(purpose)) return send(response, 503, '', 'text/plain; charset=utf-8');
    const token = pathname.slice(LOGIN_PATH.length);
    const cookie = /^[\w-]{1,100}$/.test(token) ? gate.redeem(token) : null;
    if (cookie) {
      send(response, 303, '', 'text/plain; charset=utf-8', { location: '/', 'set-cookie': sessionCookie(cookie) });
      const next = gate.mintLoginUrl();
      log(`登录地址已使用。要在另一个浏览器中打开，请用新的一次性地址：${next}（也已写入 ${gate.loginFile}）`);
      return;
    }
    if (gate.session(request.headers.cookie)) return send(response, 303, '', 'text/plain; charset=utf-8', { location: '/' });
    loginRequired(response);
  }

  async function serveStatic(pathname: string, response: ServerResponse): Promise<void> {
    const file = staticFile(staticRoot, pathname);
    if (file === null) return refuse(response, 403, '拒绝访问');
    const info = await stat(file).catch(() => null);
    const target = info?.isFile() ? file : join(staticRoot, 'index.html');
    const content = await readFile(target).catch(() => null);
    if (!content) return send(response, 404, '页面不存在。请先运行 npm run web 构建界面。', 'text/plain; charset=utf-8');
    send(response, 200, content, MIME[extname(target)] ?? 'application/octet-stream');
  }

  async function handleApi(method: string, session: Session | null, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST') return refuse(response, 405, '只接受 POST 请求');
    const requestOrigin = request.headers.origin;
    if (requestOrigin !== undefined && !allowedHosts.some((host) => requestOrigin === `http://${host}`)) {
      return refuse(response, 403, '拒绝来自其他网站的请求');
    }
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') return refuse(response, 403, '拒绝来自其他网站的请求');
    if (!session) return refuse(response, 401, `未登录或登录已失效：请打开运行 npm run web 时显示的地址，或文件 ${gate.loginFile} 中的地址`);
    if (!/^application\/json\b/.test(request.headers['content-type'] ?? '')) return refuse(response, 415, '请求格式应为 JSON', 'invalid-input');
    const decision = session.limiter.check(method);
    if (!decision.ok) {
      request.resume();
      return sendJson(response, 429, { ok: false, error: { code: 'conflict', message: `${TOO_FREQUENT}（约 ${decision.retryAfterSeconds} 秒后可再试）` } }, { 'retry-after': String(decision.retryAfterSeconds) });
    }
    const body = await readBody(request);
    if (body === null) return refuse(response, 413, '请求内容过大', 'invalid-input');
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
    let url: URL;
    try {
      url = new URL(request.url ?? '/', origin);
    } catch {
      return refuse(response, 400, '请求地址不正确');
    }
    const { pathname } = url;
    if (pathname.startsWith(LOGIN_PATH)) return handleLogin(pathname, request, response);
    const session = gate.session(request.headers.cookie);
    let work: Promise<void>;
    if (pathname.startsWith('/api/')) work = handleApi(pathname.slice(5), session, request, response);
    else if (!session) return loginRequired(response);
    else work = serveStatic(pathname, response);
    work.catch(() => {
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: { code: 'internal', message: '本地服务出错，数据未被修改' } });
      else response.end();
    });
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  const bound = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${bound.port}`;
  allowedHosts = [`127.0.0.1:${bound.port}`, `localhost:${bound.port}`];
  gate = new LoginGate<Session>({ dataDir: options.dataDir, origin }, () => ({ limiter: new SessionRateLimiter() }));
  // a login address from an earlier run must not linger in the file
  gate.mintLoginUrl();

  return {
    url: origin,
    loginFile: gate.loginFile,
    loginUrl: () => gate.mintLoginUrl(),
    address: () => server.address() as AddressInfo,
    close: () =>
      new Promise<void>((resolvePromise) => {
        gate.close();
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}
