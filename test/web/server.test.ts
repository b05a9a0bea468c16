// Browser mode's server against real sockets: only the holder of the one-time login address gets in;
// nothing an unauthenticated request can read carries a secret; another origin, another host name
// (DNS rebinding), path traversal, oversized or non-JSON bodies are refused; changes are
// rate-limited; good calls reach the real archive.
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../electron/api/services.ts';
import { createDispatch } from '../../electron/api/dispatch.ts';
import { startWebServer, type WebServer } from '../../electron/web/server.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';

const root = mkdtempSync(join(tmpdir(), 'jianbao-web-'));
const staticDir = join(root, 'static');
const dataDir = join(root, 'data');
const loginFile = join(dataDir, 'browser-login.txt');
/** planted just outside the static folder: traversal must never reach it */
const OUTSIDE_SECRET = 'JIANBAO-OUTSIDE-SECRET-7f3a9c';
const INDEX_HTML = '<!doctype html><html><head><title>简报</title></head><body><div id="root"></div></body></html>';
const APP_JS = 'console.log("jianbao-app-bundle");';

let server: WebServer;
let close: () => Promise<void>;
const logged: string[] = [];

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const { port } = server.address();
  return new Promise((resolve, reject) => {
    // `path` goes onto the request line exactly as given
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Sends bytes exactly as written over a plain socket; the whole raw response (status line, headers, body). */
function raw(text: string): Promise<string> {
  const { port } = server.address();
  return new Promise((resolve, reject) => {
    // written, not ended: the request says Connection: close, so the server ends the exchange
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}

const rawStatus = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);
const hostHeader = () => `127.0.0.1:${server.address().port}`;
const loginPath = (url: string) => new URL(url).pathname;
const tokenOf = (url: string) => loginPath(url).split('/').pop()!;

/** Opens a login address (not following the redirect); the reply and the "name=value" of the cookie it set. */
async function login(url = server.loginUrl()): Promise<{ reply: Reply; cookie: string }> {
  const reply = await send(loginPath(url));
  const setCookie = reply.headers['set-cookie']?.[0] ?? '';
  return { reply, cookie: setCookie.split(';')[0]! };
}

const call = (method: string, payload: unknown, headers: Record<string, string>) =>
  send(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload) });
const json = (reply: Reply) => JSON.parse(reply.body);

let cookie: string;

beforeAll(async () => {
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(staticDir, 'assets', 'app.js'), APP_JS);
  writeFileSync(join(root, 'outside-secret.txt'), OUTSIDE_SECRET);
  // a login file left over from an earlier run, readable by everyone: it must be replaced, 0600
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(loginFile, 'http://127.0.0.1:1/login/stale\n', { mode: 0o644 });
  const services = await openServices({ dataDir, dailyBackup: false });
  server = await startWebServer({ dispatch: createDispatch(services.handlers), staticDir, dataDir, log: (line) => logged.push(line) });
  close = async () => {
    await server.close();
    await services.close();
  };
  ({ cookie } = await login());
});

afterAll(() => close());

describe('browser-mode server: who gets in', () => {
  it('refuses GET /, GET /assets/… and POST /api/series.list without a session (401), and no response carries the login token or a session value', async () => {
    const { cookie: otherSession } = await login();
    const pendingToken = tokenOf(readFileSync(loginFile, 'utf8').trim());
    const secrets = [pendingToken, cookie.split('=')[1]!, otherSession.split('=')[1]!];
    expect(secrets.every((secret) => secret.length >= 40)).toBe(true);

    const host = hostHeader();
    const replies = {
      page: await raw(`GET / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
      asset: await raw(`GET /assets/app.js HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
      index: await raw(`GET /index.html HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
      api: await raw(`POST /api/series.list HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`),
      forgedCookie: await raw(`GET / HTTP/1.1\r\nHost: ${host}\r\nCookie: jianbao_session=${'A'.repeat(43)}\r\nConnection: close\r\n\r\n`),
      wrongLogin: await raw(`GET /login/${'c'.repeat(43)} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    };
    for (const [what, response] of Object.entries(replies)) {
      expect(rawStatus(response), what).toBe(401);
      expect(response, what).not.toMatch(/set-cookie/i);
      for (const secret of secrets) expect(response, what).not.toContain(secret);
      expect(response, what).not.toContain(APP_JS);
      expect(response, what).not.toContain('<div id="root">');
    }
    // the page says, in Chinese, where the address to open is
    expect(replies.page).toContain('npm run web');
    expect(replies.page).toContain(loginFile);
    expect(replies.page).toMatch(/content-type: text\/html/i);
    const apiBody = JSON.parse(replies.api.slice(replies.api.indexOf('\r\n\r\n') + 4));
    expect(apiBody).toEqual({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('npm run web') } });
    // logged in, the page is the built index.html as it is: no token, no meta element
    const page = await send('/', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toBe(INDEX_HTML);
    for (const secret of secrets) expect(page.body).not.toContain(secret);
  });

  it('trades the one-time login address once for an HttpOnly, SameSite=Strict session cookie and a 303 to /; a second use is refused', async () => {
    const url = server.loginUrl();
    expect(url).toMatch(new RegExp(`^${server.url}/login/[\\w-]{43}$`));
    const first = await login(url);
    expect(first.reply.status).toBe(303);
    expect(first.reply.headers.location).toBe('/');
    const setCookie = first.reply.headers['set-cookie']!;
    expect(setCookie).toHaveLength(1);
    expect(setCookie[0]).toMatch(/^jianbao_session=[\w-]{43}; /);
    const attributes = setCookie[0]!.split(';').map((part) => part.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/']));
    expect(first.cookie.split('=')[1]).not.toBe(tokenOf(url));
    expect((await send('/', { headers: { cookie: first.cookie } })).status).toBe(200);

    const again = await login(url);
    expect(again.reply.status).toBe(401);
    expect(again.reply.headers['set-cookie']).toBeUndefined();
  });

  it('after a login writes a fresh one-time address to browser-login.txt (mode 0600) and prints it, and that address works', async () => {
    const used = server.loginUrl();
    logged.length = 0;
    await login(used);
    const inFile = readFileSync(loginFile, 'utf8').trim();
    expect(statSync(loginFile).mode & 0o777).toBe(0o600);
    expect(inFile).toMatch(new RegExp(`^${server.url}/login/[\\w-]{43}$`));
    expect(inFile).not.toBe(used);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(inFile);
    const next = await login(inFile);
    expect(next.reply.status).toBe(303);
    expect((await send('/assets/app.js', { headers: { cookie: next.cookie } })).body).toBe(APP_JS);
    // the earlier session still works beside the new one
    expect((await send('/assets/app.js', { headers: { cookie } })).body).toBe(APP_JS);
  });

  it('retires an unused login address when a new one is made', async () => {
    const older = server.loginUrl();
    const newer = server.loginUrl();
    expect((await login(older)).reply.status).toBe(401);
    expect((await login(newer)).reply.status).toBe(303);
  });

  it('redirects a logged-in browser that opens a spent login address back to the app instead of refusing it', async () => {
    const reply = await send(`/login/${'b'.repeat(43)}`, { headers: { cookie } });
    expect(reply.status).toBe(303);
    expect(reply.headers['set-cookie']).toBeUndefined();
  });

  it('does not spend the login address on a browser prefetch', async () => {
    const url = server.loginUrl();
    const prefetch = await send(loginPath(url), { headers: { 'sec-purpose': 'prefetch;prerender' } });
    expect(prefetch.status).toBe(503);
    expect(prefetch.headers['set-cookie']).toBeUndefined();
    expect((await login(url)).reply.status).toBe(303);
  });

  it('listens on 127.0.0.1 only: the socket’s own bound address', () => {
    const address = server.address();
    expect(address.address).toBe('127.0.0.1');
    expect(address.family).toBe('IPv4');
    expect(server.url).toBe(`http://127.0.0.1:${address.port}`);
  });
});

describe('browser-mode server: API calls', () => {
  it('carries a call with the session cookie to the real archive and back, with a strict Content-Security-Policy on the page', async () => {
    const created = await call('series.create', { settings: defaultSeriesSettings('测试工作简报', '测试办公室') }, { cookie });
    expect(json(created)).toMatchObject({ ok: true, value: { settings: { name: '测试工作简报' } } });
    const listed = json(await call('series.list', {}, { cookie }));
    expect(listed.value.map((series: { settings: { name: string } }) => series.settings.name)).toContain('测试工作简报');
    const page = await send('/', { headers: { cookie } });
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('refuses a call without the cookie (401), leaving the archive unchanged', async () => {
    const before = json(await call('series.list', {}, { cookie })).value.length;
    const missing = await call('series.create', { settings: defaultSeriesSettings('甲') }, {});
    const wrong = await call('series.create', { settings: defaultSeriesSettings('乙') }, { cookie: `jianbao_session=${'x'.repeat(43)}` });
    expect([missing.status, wrong.status]).toEqual([401, 401]);
    expect(json(missing).error.code).toBe('forbidden');
    expect(json((await call('series.list', {}, { cookie }))).value.length).toBe(before);
  });

  it('refuses a body that is not JSON (415) as invalid input, in Chinese, before the archive', async () => {
    const before = json(await call('series.list', {}, { cookie })).value.length;
    const notJson = await send('/api/series.create', { method: 'POST', headers: { cookie, 'content-type': 'text/plain' }, body: '{}' });
    expect([notJson.status, json(notJson).error]).toEqual([415, { code: 'invalid-input', message: '请求格式应为 JSON' }]);
    expect(json(await call('series.list', {}, { cookie })).value.length).toBe(before);
  });

  it('refuses a call from another origin even with the session cookie (403), leaving the archive unchanged', async () => {
    const before = json(await call('series.list', {}, { cookie })).value.length;
    const reply = await call('series.create', { settings: defaultSeriesSettings('丙') }, { cookie, origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
    expect(json(reply).error.message).toContain('其他网站');
    const crossSite = await call('series.create', { settings: defaultSeriesSettings('丁') }, { cookie, 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    expect(json(await call('series.list', {}, { cookie })).value.length).toBe(before);
  });

  it('refuses a request naming another host (DNS rebinding) even with the session cookie (403)', async () => {
    const page = await send('/', { headers: { host: 'evil.example', cookie } });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain('<div id="root">');
    const api = await call('series.list', {}, { host: `evil.example:${server.address().port}`, cookie });
    expect(api.status).toBe(403);
    const loginUrl = server.loginUrl();
    const loginElsewhere = await send(loginPath(loginUrl), { headers: { host: 'evil.example' } });
    expect(loginElsewhere.status).toBe(403);
    expect(loginElsewhere.headers['set-cookie']).toBeUndefined();
  });

  it('answers malformed calls with a Chinese error and never reaches the handler', async () => {
    const notJson = await send('/api/series.list', { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: '{' });
    expect(json(notJson).error.message).toContain('JSON');
    const unknown = json(await call('series.drop', {}, { cookie }));
    expect(unknown).toEqual({ ok: false, error: { code: 'unknown-method', message: expect.stringContaining('未知的操作') } });
    const invalid = json(await call('series.create', { settings: { name: 42 } }, { cookie }));
    expect(invalid.ok).toBe(false);
    expect(invalid.error.code).toBe('invalid-input');
    expect(invalid.error.message).toMatch(/[\u4e00-\u9fff]/);
    const getOnly = await send('/api/series.list', { headers: { cookie } });
    expect(getOnly.status).toBe(405);
  });
});

describe('browser-mode server: static files', () => {
  it('serves no file outside the renderer folder to raw traversal request lines, even with a session', async () => {
    expect(readFileSync(join(staticDir, '..', 'outside-secret.txt'), 'utf8')).toBe(OUTSIDE_SECRET);
    const host = hostHeader();
    const get = (target: string) => raw(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`);
    // the harness reaches files inside the folder
    expect(await get('/assets/app.js')).toContain(APP_JS);
    const deep = '..%2f'.repeat(12);
    const probes = [
      '/..%2foutside-secret.txt',
      '/..%2F..%2Fstatic%2F..%2Foutside-secret.txt',
      `/${deep}etc%2fpasswd`,
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/../outside-secret.txt',
      '/../../../../../../../../../../etc/passwd',
      '/%2e%2e/outside-secret.txt',
      '/%2e%2e%2foutside-secret.txt',
      '/.%2e/outside-secret.txt',
      '/assets/..%2f..%2foutside-secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2foutside-secret.txt',
      '/..%5coutside-secret.txt',
      '/..\\outside-secret.txt',
      '/assets\\..\\..\\outside-secret.txt',
      '/%5c..%5c..%5coutside-secret.txt',
      '/..%252foutside-secret.txt',
      '/..%c0%afoutside-secret.txt',
      '/..%00/outside-secret.txt',
      `/${'..%2f'.repeat(12)}${root.replace(/^\//, '').replaceAll('/', '%2f')}%2foutside-secret.txt`,
      `/%2f${root.replace(/^\//, '').replaceAll('/', '%2f')}%2foutside-secret.txt`,
      `http://${host}/..%2foutside-secret.txt`,
    ];
    for (const probe of probes) {
      const response = await get(probe);
      expect(rawStatus(response), probe).toBeGreaterThan(0);
      expect(response, probe).not.toContain(OUTSIDE_SECRET);
      expect(response, probe).not.toMatch(/root:.*:0:0:/);
    }
  });
});

describe('browser-mode server: rate limits', () => {
  it('refuses the 4th and later of 10 quick backup.create calls with 429 and a Chinese message, and the backups made before are all still there', async () => {
    // earlier backups, from another session
    const { cookie: earlier } = await login();
    for (let i = 0; i < 2; i++) expect(json(await call('backup.create', {}, { cookie: earlier })).ok).toBe(true);
    const before: string[] = json(await call('backup.list', {}, { cookie: earlier })).value.map((backup: { name: string }) => backup.name);
    expect(before.length).toBeGreaterThanOrEqual(2);

    const { cookie: hurried } = await login();
    const replies: Reply[] = [];
    for (let i = 0; i < 10; i++) replies.push(await call('backup.create', {}, { cookie: hurried }));
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 429, 429, 429, 429, 429, 429, 429]);
    for (const reply of replies.slice(3)) {
      expect(Number(reply.headers['retry-after'])).toBeGreaterThan(0);
      expect(json(reply)).toEqual({ ok: false, error: { code: 'conflict', message: `操作过于频繁，请稍后再试（约 ${reply.headers['retry-after']} 秒后可再试）` } });
    }
    // restore and bundle import share that budget: refused before they touch the archive
    expect((await call('backup.restore', { name: before[0] }, { cookie: hurried })).status).toBe(429);
    expect((await call('bundle.import', { base64: '' }, { cookie: hurried })).status).toBe(429);

    const after: string[] = json(await call('backup.list', {}, { cookie: hurried })).value.map((backup: { name: string }) => backup.name);
    expect(after).toEqual(expect.arrayContaining(before));
    expect(after.length).toBe(before.length + 3);
    for (const name of before) expect(existsSync(join(dataDir, 'backups', name)), name).toBe(true);
    // reads are not limited
    expect((await call('series.list', {}, { cookie: hurried })).status).toBe(200);
  });

  it('lets a burst of 300 quick changes through (a folder import), then answers 429', async () => {
    const { cookie: clerk } = await login();
    const replies = await Promise.all(Array.from({ length: 400 }, () => call('issues.delete', { id: 987_654 }, { cookie: clerk })));
    const passed = replies.filter((reply) => reply.status === 200);
    const limited = replies.filter((reply) => reply.status === 429);
    expect(passed.length).toBeGreaterThanOrEqual(300);
    expect(limited.length).toBeGreaterThan(0);
    expect(passed.length + limited.length).toBe(400);
    expect(json(passed[0]!).error.code).toBe('not-found');
    expect(json(limited[0]!).error.message).toMatch(/^操作过于频繁，请稍后再试（约 \d+ 秒后可再试）$/);
    // another session has its own budget
    expect((await call('issues.delete', { id: 987_654 }, { cookie })).status).toBe(200);
  });
});

describe('browser-mode server: shutting down', () => {
  it('replaces a stale, world-readable login file at start with a 0600 one, and removes it when it closes', async () => {
    const otherData = join(root, 'other-data');
    mkdirSync(otherData);
    writeFileSync(join(otherData, 'browser-login.txt'), 'http://127.0.0.1:1/login/stale\n', { mode: 0o644 });
    const services = await openServices({ dataDir: otherData, dailyBackup: false });
    const other = await startWebServer({ dispatch: createDispatch(services.handlers), staticDir, dataDir: otherData, log: () => {} });
    const file = join(otherData, 'browser-login.txt');
    expect(readFileSync(file, 'utf8').trim()).toMatch(new RegExp(`^${other.url}/login/[\\w-]{43}$`));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await other.close();
    await services.close();
    expect(existsSync(file)).toBe(false);
  });
});
