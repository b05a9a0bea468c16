// Every contract method, called the way the page calls it (IPC: V8-serialized payload, our app:// main
// frame as sender, registerApiHandlers + createDispatch), refuses malformed payloads with a Chinese
// message before any handler runs, and leaves a real archive exactly as it was.
import { deserialize, serialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiContract, apiMethods, MAX_IMAGE_BASE64, MAX_UPLOAD_BASE64, type ApiInput, type ApiMethod, type ApiResponse } from '../../shared/api/contract.ts';
import type { IssueRecord } from '../../shared/api/records.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import { createDispatch } from '../../electron/api/dispatch.ts';
import { apiChannel } from '../../electron/security/ipc-channels.ts';
import { bulletinFixtures } from '../fixtures.ts';
import { openTestArchive, type TestArchive } from './test-archive.ts';

vi.mock('electron', async () => (await import('./fake-electron.ts')).fakeElectron);
const { registerApiHandlers } = await import('../../electron/security/ipc-handlers.ts');

type IpcHandler = (event: unknown, payload: unknown) => Promise<ApiResponse<unknown>> | ApiResponse<unknown>;
const ownPage = { senderFrame: { url: 'app://jianbao/index.html#/issue/1', parent: null } };

let archive: TestArchive;
let ipc: Map<string, IpcHandler>;
let seriesId: number;
let record: IssueRecord;

beforeAll(async () => {
  archive = await openTestArchive();
  seriesId = (await archive.handlers['series.create']({ settings: defaultSeriesSettings('测试工作简报', '测试组') })).id;
  record = await archive.handlers['issues.next']({ seriesId, date: '2024-05-06' });
  await archive.handlers['backup.create']({});
  archive.reached.length = 0;
  ipc = new Map();
  registerApiHandlers({ handle: (channel: string, handler: IpcHandler) => ipc.set(channel, handler) } as never, createDispatch(archive.handlers));
});
afterAll(() => archive.close());

/** what Electron's IPC does to a payload on its way to the main process */
const overIpc = (payload: unknown): unknown => deserialize(serialize(payload));

async function call(method: ApiMethod, payload: unknown): Promise<ApiResponse<unknown>> {
  return ipc.get(apiChannel(method))!(ownPage, overIpc(payload));
}

interface MethodCase<M extends ApiMethod> {
  valid: () => ApiInput<M>;
  /** keys without which the call is incomplete */
  required: (keyof ApiInput<M> & string)[];
  /** the same call with one string beyond its limit (or a huge string where the method takes none) */
  oversized: () => unknown;
}

const huge = 'x'.repeat(1_000_000);
const tooBigUpload = 'A'.repeat(MAX_UPLOAD_BASE64 + 4);
const fixtureBase64 = () => Buffer.from(bulletinFixtures()[0]!.text).toString('base64');
const settings = () => defaultSeriesSettings('另一份工作简报', '测试组');

const cases: { [M in ApiMethod]: MethodCase<M> } = {
  'app.info': { valid: () => ({}), required: [], oversized: () => ({ [huge.slice(0, 300)]: huge }) },
  'series.list': { valid: () => ({ includeArchived: true }), required: [], oversized: () => ({ includeArchived: huge }) },
  'series.get': { valid: () => ({ id: seriesId }), required: ['id'], oversized: () => ({ id: huge }) },
  'series.create': { valid: () => ({ settings: settings() }), required: ['settings'], oversized: () => ({ settings: { ...settings(), name: '简'.repeat(4001) } }) },
  'series.update': {
    valid: () => ({ id: seriesId, settings: settings() }),
    required: ['id', 'settings'],
    oversized: () => ({ id: seriesId, settings: { ...settings(), issuer: '组'.repeat(4001) } }),
  },
  'series.setArchived': { valid: () => ({ id: seriesId, archived: true }), required: ['id', 'archived'], oversized: () => ({ id: huge, archived: true }) },
  'issues.list': { valid: () => ({ seriesId, year: 2024, status: 'draft' }), required: ['seriesId'], oversized: () => ({ seriesId, status: huge }) },
  'issues.gaps': { valid: () => ({ seriesId }), required: ['seriesId'], oversized: () => ({ seriesId: huge }) },
  'issues.next': { valid: () => ({ seriesId, date: '2024-05-07' }), required: ['seriesId'], oversized: () => ({ seriesId, date: '2024-05-07'.repeat(100_000) }) },
  'issues.get': { valid: () => ({ id: record.id }), required: ['id'], oversized: () => ({ id: huge }) },
  'issues.save': {
    valid: () => ({ id: record.id, baseRevision: record.revision, issue: structuredClone(record.issue) }),
    required: ['id', 'baseRevision', 'issue'],
    oversized: () => ({ id: record.id, baseRevision: record.revision, issue: { ...structuredClone(record.issue), docNumber: '益简字'.repeat(40) } }),
  },
  'issues.setStatus': {
    valid: () => ({ id: record.id, status: 'issued', reason: '更正错字' }),
    required: ['id', 'status'],
    oversized: () => ({ id: record.id, status: 'draft', reason: '因'.repeat(1001) }),
  },
  'issues.duplicate': { valid: () => ({ id: record.id }), required: ['id'], oversized: () => ({ id: huge }) },
  'issues.delete': { valid: () => ({ id: record.id }), required: ['id'], oversized: () => ({ id: huge }) },
  'issues.discard': { valid: () => ({ id: record.id }), required: ['id'], oversized: () => ({ id: huge }) },
  'issues.restore': { valid: () => ({ id: record.id }), required: ['id'], oversized: () => ({ id: huge }) },
  'issues.recycleBin': { valid: () => ({}), required: [], oversized: () => ({ [huge.slice(0, 300)]: huge }) },
  'revisions.list': { valid: () => ({ issueId: record.id }), required: ['issueId'], oversized: () => ({ issueId: huge }) },
  'revisions.get': { valid: () => ({ issueId: record.id, revision: 1 }), required: ['issueId', 'revision'], oversized: () => ({ issueId: record.id, revision: huge }) },
  'revisions.restore': { valid: () => ({ issueId: record.id, revision: 1 }), required: ['issueId', 'revision'], oversized: () => ({ issueId: record.id, revision: huge }) },
  search: { valid: () => ({ query: '督察', seriesId, limit: 10 }), required: ['query'], oversized: () => ({ query: '督'.repeat(201) }) },
  'import.file': {
    valid: () => ({ name: '简报.txt', base64: fixtureBase64(), seriesId }),
    required: ['name', 'base64'],
    oversized: () => ({ name: '简报.txt', base64: tooBigUpload }),
  },
  'import.read': { valid: () => ({ name: '简报.txt', base64: fixtureBase64() }), required: ['name', 'base64'], oversized: () => ({ name: '简报.txt', base64: tooBigUpload }) },
  'import.confirm': {
    valid: () => ({ file: '简报.txt', issue: structuredClone(record.issue), seriesId }),
    required: ['file', 'issue'],
    oversized: () => ({ file: '简'.repeat(261), issue: structuredClone(record.issue), seriesId }),
  },
  'export.docx': { valid: () => ({ issueId: record.id }), required: ['issueId'], oversized: () => ({ issueId: huge }) },
  'export.pdf': { valid: () => ({ issueId: record.id }), required: ['issueId'], oversized: () => ({ issueId: huge }) },
  'export.json': { valid: () => ({ issueId: record.id }), required: ['issueId'], oversized: () => ({ issueId: huge }) },
  'volume.preview': { valid: () => ({ seriesId, range: { kind: 'year', year: 2024 } }), required: ['seriesId', 'range'], oversized: () => ({ seriesId, range: { kind: huge } }) },
  'volume.start': { valid: () => ({ seriesId, range: { kind: 'numbers', from: 1, to: 3 }, format: 'docx' }), required: ['seriesId', 'range', 'format'], oversized: () => ({ seriesId, range: { kind: 'year', year: 2024 }, format: huge }) },
  'volume.progress': { valid: () => ({ jobId: '6f1c2b1e-4b8e-4c0a-9a57-0d3f1e2a3b4c' }), required: ['jobId'], oversized: () => ({ jobId: huge }) },
  'volume.cancel': { valid: () => ({ jobId: '6f1c2b1e-4b8e-4c0a-9a57-0d3f1e2a3b4c' }), required: ['jobId'], oversized: () => ({ jobId: huge }) },
  'volume.result': { valid: () => ({ jobId: '6f1c2b1e-4b8e-4c0a-9a57-0d3f1e2a3b4c' }), required: ['jobId'], oversized: () => ({ jobId: huge }) },
  'stats.tally': { valid: () => ({ seriesId, from: '2024-01-01', to: '2024-03-31', status: 'all' }), required: ['seriesId', 'from', 'to'], oversized: () => ({ seriesId, from: huge, to: '2024-03-31' }) },
  'stats.xlsx': { valid: () => ({ seriesId, from: '2024-07-01', to: '2024-09-30' }), required: ['seriesId', 'from', 'to'], oversized: () => ({ seriesId, from: '2024-07-01', to: huge }) },
  'stats.docx': { valid: () => ({ seriesId, from: '2024-01-01', to: '2024-12-31', status: 'issued' }), required: ['seriesId', 'from', 'to'], oversized: () => ({ seriesId, from: '2024-01-01', to: '2024-12-31', status: huge }) },
  'backup.create': { valid: () => ({}), required: [], oversized: () => ({ [huge.slice(0, 300)]: huge }) },
  'backup.list': { valid: () => ({}), required: [], oversized: () => ({ [huge.slice(0, 300)]: huge }) },
  'backup.restore': { valid: () => ({ name: 'jianbao-20240506-manual.sqlite' }), required: ['name'], oversized: () => ({ name: 'b'.repeat(201) }) },
  'bundle.export': { valid: () => ({ seriesId }), required: [], oversized: () => ({ seriesId: huge }) },
  'bundle.import': { valid: () => ({ base64: 'e30=' }), required: ['base64'], oversized: () => ({ base64: tooBigUpload }) },
  'images.add': { valid: () => ({ name: '现场.jpg', dataBase64: 'iVBORw0KGgo=' }), required: ['name', 'dataBase64'], oversized: () => ({ name: '现场.jpg', dataBase64: 'A'.repeat(MAX_IMAGE_BASE64 + 104) }) },
  'images.get': { valid: () => ({ id: 'a'.repeat(64) }), required: ['id'], oversized: () => ({ id: 'a'.repeat(65) }) },
};

/** an own, enumerable key named like an Object.prototype property, as JSON.parse would make it */
function withOwnKey(target: object, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...target };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return String(value);
  return '对象';
}

function malformedPayloads<M extends ApiMethod>(method: M): [string, unknown][] {
  const { valid, required, oversized } = cases[method] as MethodCase<ApiMethod>;
  const payload = valid() as Record<string, unknown>;
  const variants: [string, unknown][] = [
    ['a string instead of an object', '请求'],
    ['a number instead of an object', 42],
    ['an array instead of an object', [payload]],
    ['true instead of an object', true],
    ['a string beyond its limit', oversized()],
    ['an unknown field', { ...payload, isAdmin: true }],
    ['__proto__ as a key', withOwnKey(payload, '__proto__', { polluted: '是' })],
    ['constructor.prototype as a key', withOwnKey(payload, 'constructor', { prototype: { polluted: '是' } })],
    ['prototype as a key', withOwnKey(payload, 'prototype', { polluted: '是' })],
  ];
  for (const [key, value] of Object.entries(payload)) {
    variants.push([`${key} of the wrong type`, { ...payload, [key]: wrongType(value) }]);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      variants.push([`__proto__ inside ${key}`, { ...payload, [key]: withOwnKey(value, '__proto__', { polluted: '是' }) }]);
    }
  }
  for (const key of required) {
    const { [key]: _missing, ...rest } = payload;
    variants.push([`${key} missing`, rest]);
  }
  return variants;
}

describe('the IPC path refuses malformed payloads for every contract method', () => {
  it('has a case for every method, and each valid payload passes the contract', () => {
    expect(Object.keys(cases).sort()).toEqual([...apiMethods].sort());
    for (const method of apiMethods) {
      expect(apiContract[method].input.safeParse((cases[method] as MethodCase<ApiMethod>).valid()).success, method).toBe(true);
    }
  });

  it('keeps the hostile keys through IPC serialization, so the refusals below are real', () => {
    const cloned = overIpc(withOwnKey({ id: 1 }, '__proto__', { polluted: '是' })) as object;
    expect(Object.hasOwn(cloned, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(cloned)).toBe(Object.prototype);
  });

  it.each(apiMethods)('%s: every malformed payload is refused in Chinese, reaches no handler and changes nothing', async (method) => {
    const before = archive.digest();
    for (const [label, payload] of malformedPayloads(method)) {
      const response = await call(method, payload);
      expect(response.ok, `${method}: ${label}`).toBe(false);
      if (response.ok) continue;
      expect(response.error.code, `${method}: ${label}`).toBe('invalid-input');
      expect(response.error.message, `${method}: ${label}`).toMatch(/^请求内容不正确（.*[\u4e00-\u9fff]/);
      expect(response.error.message.length, `${method}: ${label}`).toBeLessThan(600);
      expect(archive.reached, `${method}: ${label}`).toEqual([]);
      expect(({} as Record<string, unknown>).polluted, `${method}: ${label}`).toBeUndefined();
    }
    expect(archive.digest()).toBe(before);
  });

  it.each([
    ['a right-to-left override', '简报\u202Excod.exe'],
    ['a left-to-right isolate', '简报\u2066.txt'],
    ['a control character', '简报\u0007.txt'],
  ])('refuses an import file name with %s, which can disguise what the file is', async (_label, name) => {
    const before = archive.digest();
    for (const method of ['import.read', 'import.file'] as const) {
      const response = await call(method, { name, base64: fixtureBase64() });
      expect(response.ok).toBe(false);
      if (!response.ok) expect(response.error.message).toContain('文件名含有控制字符或文字方向控制符');
    }
    expect(archive.reached).toEqual([]);
    expect(archive.digest()).toBe(before);
  });
});
