// Browser mode's server refuses what it must (no token, another origin, another host name, path
// traversal, oversized or non-JSON bodies) and carries good calls to the real archive.
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../electron/api/services.ts';
import { createDispatch } from '../../electron/api/dispatch.ts';
import { startWebServer, type WebServer } from '../../electron/web/server.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';

const staticDir = mkdtempSync(join(tmpdir(), 'jianbao-static-'));
let server: WebServer;
let close: () => Promise<void>;

interface Reply {
  status: number;
  body: string;
}

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const url = new URL(path, server.url);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const call = (method: string, payload: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-jianbao-token': server.token, ...headers },
    body: JSON.stringify(payload),
  });

beforeAll(async () => {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html><head><title>简报</title></head><body></body></html>');
  const services = await openServices({ dataDir: mkdtempSync(join(tmpdir(), 'jianbao-web-')) });
  server = await startWebServer({ dispatch: createDispatch(services.handlers), staticDir });
  close = async () => {
    await server.close();
    await services.close();
  };
});

afterAll(() => close());

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('hands the page its per-run token and a strict Content-Security-Policy', async () => {
    const page = await send('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="jianbao-token" content="${server.token}" />`);
    const headers = await new Promise<Record<string, unknown>>((resolve) => request(new URL('/', server.url), (res) => { res.resume(); resolve(res.headers); }).end());
    expect(headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('carries a valid call to the real archive and back', async () => {
    const created = await call('series.create', { settings: defaultSeriesSettings('测试工作简报', '测试办公室') });
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { settings: { name: '测试工作简报' } } });
    const listed = JSON.parse((await call('series.list', {})).body);
    expect(listed.value.map((series: { settings: { name: string } }) => series.settings.name)).toContain('测试工作简报');
  });

  it('refuses a call without the token, and one with a wrong token, leaving the archive unchanged', async () => {
    const before = JSON.parse((await call('series.list', {})).body).value.length;
    const missing = await send('/api/series.create', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ settings: defaultSeriesSettings('甲') }) });
    const wrong = await call('series.create', { settings: defaultSeriesSettings('乙') }, { 'x-jianbao-token': 'x'.repeat(server.token.length) });
    expect([missing.status, wrong.status]).toEqual([403, 403]);
    expect(JSON.parse(missing.body).error.message).toContain('令牌');
    expect(JSON.parse((await call('series.list', {})).body).value.length).toBe(before);
  });

  it('refuses a call from another origin even with the token', async () => {
    const reply = await call('series.list', {}, { origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body).error.message).toContain('其他网站');
  });

  it('refuses a request for another host name (DNS rebinding)', async () => {
    const reply = await send('/', { headers: { host: 'evil.example' } });
    expect(reply.status).toBe(403);
  });

  it('does not serve files outside the renderer folder', async () => {
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fpackage.json']) {
      const reply = await send(path);
      expect(reply.body).not.toContain('root:');
      expect(reply.body).not.toContain('"dependencies"');
    }
  });

  it('answers malformed calls with a Chinese error and never reaches the handler', async () => {
    const notJson = await send('/api/series.list', { method: 'POST', headers: { 'content-type': 'application/json', 'x-jianbao-token': server.token }, body: '{' });
    expect(JSON.parse(notJson.body).error.message).toContain('JSON');
    const unknown = JSON.parse((await call('series.drop', {})).body);
    expect(unknown).toEqual({ ok: false, error: { code: 'unknown-method', message: expect.stringContaining('未知的操作') } });
    const invalid = JSON.parse((await call('series.create', { settings: { name: 42 } })).body);
    expect(invalid.ok).toBe(false);
    expect(invalid.error.code).toBe('invalid-input');
    expect(invalid.error.message).toMatch(/[\u4e00-\u9fff]/);
    const getOnly = await send('/api/series.list');
    expect(getOnly.status).toBe(405);
  });
});
