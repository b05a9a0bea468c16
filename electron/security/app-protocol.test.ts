import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  isAppUrl,
} from './app-protocol.ts';
import { CONTENT_SECURITY_POLICY, PRINT_CONTENT_SECURITY_POLICY } from './content-security-policy.ts';

const PHOTO_ID = 'ab'.repeat(32);
const PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
let serve: (request: Request) => Promise<Response>;

beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), 'jianbao-protocol-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>简报</title>');
  writeFileSync(join(rendererDir, 'assets', 'index-1a2b.js'), 'console.log(1)');
  writeFileSync(join(rendererDir, 'assets', 'index-1a2b.css'), 'body{}');
  writeFileSync(join(root, 'secret.txt'), 'archive password');
  serve = createAppProtocolHandler({
    rendererDir,
    printDocument: (path) => (path === '/doc-1.html' ? '<p>第13期</p>' : undefined),
    printImage: (path) => (path === `/images/${PHOTO_ID}.jpg` ? PHOTO : undefined),
  });
});

const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

/** the directives of a policy, by name */
function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
}

describe('app:// protocol', () => {
  it('registers app as a standard, secure scheme that does not bypass the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES.privileges?.bypassCSP).toBeFalsy();
    expect(APP_SCHEME_PRIVILEGES.privileges?.allowServiceWorkers).toBeFalsy();
    expect(APP_SCHEME_PRIVILEGES.privileges?.corsEnabled).toBeFalsy();
  });

  it('serves the entry page with the page CSP and nosniff', async () => {
    for (const url of [APP_ENTRY_URL, 'app://jianbao/']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toContain('<title>简报</title>');
    }
  });

  it('serves scripts and styles with the types module scripts need', async () => {
    expect((await get('app://jianbao/assets/index-1a2b.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://jianbao/assets/index-1a2b.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('page CSP allows only its own origin: default-src and script-src self, no remote origin, no eval', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    for (const [name, sources] of policy) {
      for (const source of sources) {
        expect(source, `${name} ${source}`).not.toMatch(/^(https?:|wss?:|ftp:|file:|\*)|unsafe-eval|\*\./);
      }
    }
  });

  it('never serves a file outside dist/renderer, however the path is written', async () => {
    const attempts = [
      'app://jianbao/../secret.txt',
      'app://jianbao/%2e%2e/secret.txt',
      'app://jianbao/..%2Fsecret.txt',
      'app://jianbao/assets/..%2F..%2Fsecret.txt',
      'app://jianbao/%2F..%2F..%2Fsecret.txt',
      'app://jianbao/assets%00/index-1a2b.js',
      'app://jianbao/%E0%A4%A',
      'app://jianbao/assets/',
    ];
    for (const url of attempts) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('password');
    }
  });

  it('answers only its own host and only GET and HEAD', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://jianbao.evil/index.html')).status).toBe(404);
    expect((await get(APP_ENTRY_URL, 'POST')).status).toBe(405);
    const head = await get(APP_ENTRY_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('serves a print document at app://print with a policy that allows no script and no request', async () => {
    const response = await get('app://print/doc-1.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<p>第13期</p>');
    expect(response.headers.get('content-security-policy')).toBe(PRINT_CONTENT_SECURITY_POLICY);
    const policy = directives(PRINT_CONTENT_SECURITY_POLICY);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.has('script-src')).toBe(false);
    expect((await get('app://print/doc-2.html')).status).toBe(404);
  });

  it('serves a print document’s photo beside it while it prints, under the print policy, and nothing else under images/', async () => {
    const response = await get(`app://print/images/${PHOTO_ID}.jpg`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('content-security-policy')).toBe(PRINT_CONTENT_SECURITY_POLICY);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PHOTO);
    for (const path of [`images/${'0'.repeat(64)}.jpg`, `images/${PHOTO_ID}.png`, 'images/']) expect((await get(`app://print/${path}`)).status, path).toBe(404);
    expect(directives(PRINT_CONTENT_SECURITY_POLICY).get('img-src')).toEqual(["'self'", 'data:']);
  });

  it('tells its own pages from every other URL', () => {
    expect(isAppUrl('app://jianbao/index.html#/issue/3')).toBe(true);
    for (const url of ['app://print/doc-1.html', 'https://jianbao/', 'file:///index.html', 'app://jianbao.evil/', 'about:blank', 'not a url', '']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});
