// A seeded fuzz of the IPC path (V8-serialized payloads -> registerApiHandlers -> createDispatch -> a real
// archive): thousands of random and mutated payloads never crash it, every answer is well formed and
// can travel back over IPC, and only payloads the contract accepts ever reach a handler.
import { deserialize, serialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiContract, apiMethods, type ApiMethod, type ApiResponse } from '../../shared/api/contract.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import { createDispatch, type Dispatch } from '../../electron/api/dispatch.ts';
import { apiChannel } from '../../electron/security/ipc-channels.ts';
import { openTestArchive, type TestArchive } from './test-archive.ts';
import { seededRandom } from '../generate.ts';

vi.mock('electron', async () => (await import('./fake-electron.ts')).fakeElectron);
const { registerApiHandlers } = await import('../../electron/security/ipc-handlers.ts');

const SEED = 0x6a69616e;
const PAYLOADS = 3000;
const ERROR_CODES = ['invalid-input', 'not-found', 'conflict', 'read-only', 'unreadable', 'unknown-method', 'forbidden', 'internal'];

const next = seededRandom(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
const int = (max: number) => Math.floor(next() * max);

const KEYS = ['id', 'seriesId', 'issueId', 'issue', 'settings', 'name', 'base64', 'file', 'newSeriesName', 'query', 'status', 'year', 'revision', 'reason', 'date', 'limit', '__proto__', 'constructor', 'prototype', ''];
const TEXT = ['', ' ', '第13期', '督察', '../../etc/passwd', '2024-02-30', 'draft', 'issued', '\u0000', '𠮷䶮', 'e30=', '<script>alert(1)</script>', 'jianbao-20240506-manual.sqlite'];

function randomValue(depth: number): unknown {
  switch (int(depth > 3 ? 12 : 15)) {
    case 0:
      return pick(TEXT);
    case 1:
      return pick(TEXT).repeat(1 + int(300));
    case 2:
      return int(2) ? 'x'.repeat(int(300_000)) : String.fromCharCode(...Array.from({ length: int(40) }, () => int(0xffff)));
    case 3:
      return pick([0, -1, 1, 2, 3, 1949, 2024, 2201, 1.5, -0, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2]);
    case 4:
      return int(1000);
    case 5:
      return pick([true, false, null, undefined]);
    case 6:
      return BigInt(int(1000));
    case 7:
      return new Date(int(2) ? Date.now() : NaN);
    case 8:
      return new Uint8Array(int(64));
    case 9:
      return new Map([[pick(KEYS), randomValue(depth + 1)]]);
    case 10:
      return new Set([randomValue(depth + 1)]);
    case 11:
      return /regex/g;
    case 12:
      return Array.from({ length: int(6) }, () => randomValue(depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let i = int(5); i > 0; i--) Object.defineProperty(object, pick(KEYS), { value: randomValue(depth + 1), enumerable: true, writable: true, configurable: true });
      return object;
    }
  }
}

/** a valid payload for each method, so that mutations land near the edge of what is accepted */
function validPayloads(seriesId: number, issueId: number, issue: unknown): Record<ApiMethod, Record<string, unknown>> {
  const settings = defaultSeriesSettings('模糊测试简报', '测试组');
  return {
    'app.info': {},
    'series.list': { includeArchived: false },
    'series.get': { id: seriesId },
    'series.create': { settings },
    'series.update': { id: seriesId, settings },
    'series.setArchived': { id: seriesId, archived: false },
    'issues.list': { seriesId },
    'issues.gaps': { seriesId },
    'issues.next': { seriesId },
    'issues.get': { id: issueId },
    'issues.save': { id: issueId, baseRevision: 1, issue },
    'issues.setStatus': { id: issueId, status: 'reviewed' },
    'issues.duplicate': { id: issueId },
    'issues.delete': { id: issueId },
    'issues.discard': { id: issueId },
    'issues.restore': { id: issueId },
    'issues.recycleBin': {},
    'revisions.list': { issueId },
    'revisions.get': { issueId, revision: 1 },
    'revisions.restore': { issueId, revision: 1 },
    search: { query: '督察' },
    'import.file': { name: '简报.txt', base64: Buffer.from('益阳市工作简报\n第1期\n').toString('base64') },
    'import.read': { name: '简报.txt', base64: Buffer.from('益阳市工作简报\n第1期\n').toString('base64') },
    'import.confirm': { file: '简报.txt', issue, seriesId },
    'export.docx': { issueId },
    'export.pdf': { issueId },
    'export.json': { issueId },
    'volume.preview': { seriesId, range: { kind: 'year', year: 2024 } },
    'volume.start': { seriesId, range: { kind: 'dates', from: '2024-01-01', to: '2024-12-31' }, includeDrafts: false, format: 'docx' },
    'volume.progress': { jobId: '6f1c2b1e-4b8e-4c0a-9a57-0d3f1e2a3b4c' },
    'volume.cancel': { jobId: '6f1c2b1e-4b8e-4c0a-9a57-0d3f1e2a3b4c' },
    'volume.result': { jobId: '6f1c2b1e-4b8e-4c0a-9a57-0d3f1e2a3b4c' },
    'stats.tally': { seriesId, from: '2024-01-01', to: '2024-03-31', status: 'all' },
    'stats.xlsx': { seriesId, from: '2024-07-01', to: '2024-09-30' },
    'stats.docx': { seriesId, from: '2024-01-01', to: '2024-12-31', status: 'issued' },
    'backup.create': {},
    'backup.list': {},
    'backup.restore': { name: 'jianbao-20240506-manual.sqlite' },
    'bundle.export': {},
    'bundle.import': { base64: 'e30=' },
    'images.add': { name: '现场.jpg', dataBase64: 'iVBORw0KGgo=' },
    'images.get': { id: 'a'.repeat(64) },
  };
}

function mutate(valid: Record<string, unknown>): unknown {
  if (int(5) === 0) return randomValue(0);
  const payload: Record<string, unknown> = structuredClone(valid);
  for (let i = 1 + int(3); i > 0; i--) {
    const keys = Object.keys(payload);
    const choice = int(4);
    if (choice === 0 && keys.length > 0) delete payload[pick(keys)];
    else if (choice === 1 && keys.length > 0) payload[pick(keys)] = randomValue(1);
    else Object.defineProperty(payload, pick(KEYS), { value: randomValue(1), enumerable: true, writable: true, configurable: true });
  }
  return payload;
}

let archive: TestArchive;
let ipc: Map<string, (event: unknown, payload: unknown) => Promise<ApiResponse<unknown>>>;
let dispatch: Dispatch;
let valid: Record<ApiMethod, Record<string, unknown>>;
const internalErrors: unknown[] = [];

beforeAll(async () => {
  archive = await openTestArchive();
  const series = await archive.handlers['series.create']({ settings: defaultSeriesSettings('模糊测试简报', '测试组') });
  const record = await archive.handlers['issues.next']({ seriesId: series.id });
  valid = validPayloads(series.id, record.id, record.issue);
  dispatch = createDispatch(archive.handlers, { onInternalError: (method, error) => internalErrors.push([method, error]) });
  ipc = new Map();
  registerApiHandlers({ handle: (channel: string, handler: never) => ipc.set(channel, handler) } as never, dispatch);
});
afterAll(() => archive.close());

function expectWellFormed(response: ApiResponse<unknown>, label: string): void {
  expect(() => deserialize(serialize(response)), label).not.toThrow();
  if (response.ok) return;
  expect(ERROR_CODES, label).toContain(response.error.code);
  expect(response.error.message, label).toMatch(/[\u4e00-\u9fff]/);
  expect(response.error.message.length, label).toBeLessThan(1000);
}

describe('IPC fuzz', () => {
  it(`${PAYLOADS} seeded random payloads: no crash, well-formed answers, handlers reached only with valid input`, async () => {
    let reachedCount = 0;
    for (let round = 0; round < PAYLOADS; round++) {
      const method = pick(apiMethods);
      const sent = deserialize(serialize(mutate(valid[method]))) as unknown;
      const reachedBefore = archive.reached.length;
      const response = await ipc.get(apiChannel(method))!({ senderFrame: { url: 'app://jianbao/index.html', parent: null } }, sent);
      const label = `round ${round} ${method}`;
      expectWellFormed(response, label);
      const reached = archive.reached.length > reachedBefore;
      expect(reached, label).toBe(apiContract[method].input.safeParse(sent ?? {}).success);
      if (reached) reachedCount++;
    }
    expect(reachedCount, 'some mutated payloads stay valid and exercise the handlers').toBeGreaterThan(50);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(archive.archive.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('unknown method names and odd values for the name are refused in Chinese', async () => {
    for (let round = 0; round < 300; round++) {
      const name = int(2) ? randomValue(2) : `${pick(apiMethods)}${pick(['', 'x', '.', '__proto__'])}`;
      if (typeof name === 'string' && (apiMethods as string[]).includes(name)) continue;
      const response = await dispatch(name, randomValue(1));
      expectWellFormed(response, String(name));
      expect(response.ok).toBe(false);
    }
  });

  it('no handler failed unexpectedly (each refusal was a deliberate Chinese error)', () => {
    expect(internalErrors).toEqual([]);
  });
});
