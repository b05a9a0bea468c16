import { describe, expect, it } from 'vitest';
import { apiMethods } from '../../shared/api/contract.ts';
import { SessionRateLimiter, TokenBucket, WEB_RATE_LIMITS, rateClass } from './rate-limit.ts';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const allowed = (limiter: SessionRateLimiter, method: string, times: number) =>
  Array.from({ length: times }, () => limiter.check(method).ok).filter(Boolean).length;

describe('token bucket', () => {
  it('allows its burst at once, then refuses until a token has refilled', () => {
    const time = clock();
    const bucket = new TokenBucket({ burst: 3, refillPerSecond: 1 }, time.now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    expect(bucket.retryAfterSeconds()).toBe(1);
    time.advance(999);
    expect(bucket.take()).toBe(false);
    time.advance(1);
    expect(bucket.take()).toBe(true);
  });

  it('never holds more than its burst however long it sat idle', () => {
    const time = clock();
    const bucket = new TokenBucket({ burst: 2, refillPerSecond: 10 }, time.now);
    time.advance(3_600_000);
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
  });

  it('does not refill when the clock goes backwards', () => {
    const time = clock();
    const bucket = new TokenBucket({ burst: 1, refillPerSecond: 1 }, time.now);
    expect(bucket.take()).toBe(true);
    time.advance(-10_000);
    expect(bucket.take()).toBe(false);
  });
});

describe('browser mode limits per session', () => {
  it('classes backup.create, backup.restore and bundle.import as heavy, pure reads as unlimited, everything else (reading a file to import, which runs the reader, too) as mutating', () => {
    expect(['backup.create', 'backup.restore', 'bundle.import'].map(rateClass)).toEqual(['heavy', 'heavy', 'heavy']);
    const mutating = ['series.create', 'series.update', 'series.setArchived', 'issues.next', 'issues.save', 'issues.setStatus', 'issues.duplicate', 'issues.delete', 'issues.discard', 'issues.restore', 'revisions.restore', 'import.file', 'import.read', 'import.confirm', 'volume.start', 'volume.cancel', 'images.add'];
    expect(mutating.map(rateClass)).toEqual(mutating.map(() => 'mutating'));
    const reads = ['app.info', 'series.list', 'series.get', 'issues.list', 'issues.gaps', 'issues.get', 'issues.recycleBin', 'revisions.list', 'revisions.get', 'search', 'export.docx', 'export.pdf', 'export.json', 'volume.preview', 'volume.progress', 'volume.result', 'stats.tally', 'stats.xlsx', 'stats.docx', 'backup.list', 'bundle.export', 'images.get'];
    expect(reads.map(rateClass)).toEqual(reads.map(() => null));
    // every method of the contract is in exactly one of the three lists
    expect([...apiMethods].sort()).toEqual([...reads, ...mutating, 'backup.create', 'backup.restore', 'bundle.import'].sort());
    expect(rateClass('some.newMethod')).toBe('mutating');
  });

  it('allows 3 heavy calls at once, then one every 12 seconds (5 a minute)', () => {
    const time = clock();
    const limiter = new SessionRateLimiter(WEB_RATE_LIMITS, time.now);
    expect(allowed(limiter, 'backup.create', 10)).toBe(3);
    const refused = limiter.check('backup.restore');
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 12 });
    time.advance(11_900);
    expect(limiter.check('bundle.import').ok).toBe(false);
    time.advance(100);
    expect(limiter.check('bundle.import').ok).toBe(true);
    time.advance(60_000);
    expect(allowed(limiter, 'backup.create', 10)).toBe(3);
  });

  it('lets a clerk import a folder of 300 files and keep autosaving, but stops a runaway loop', () => {
    const time = clock();
    const limiter = new SessionRateLimiter(WEB_RATE_LIMITS, time.now);
    expect(allowed(limiter, 'import.file', 300)).toBe(300);
    expect(limiter.check('issues.save').ok).toBe(false);
    time.advance(1000);
    expect(allowed(limiter, 'issues.save', 100)).toBe(20);
    // one save a second for ten minutes is always allowed
    for (let second = 0; second < 600; second++) {
      time.advance(1000);
      expect(limiter.check('issues.save').ok).toBe(true);
    }
  });

  it('keeps the classes apart and never limits reads', () => {
    const time = clock();
    const limiter = new SessionRateLimiter(WEB_RATE_LIMITS, time.now);
    expect(allowed(limiter, 'backup.create', 5)).toBe(3);
    expect(limiter.check('issues.save').ok).toBe(true);
    expect(allowed(limiter, 'series.list', 10_000)).toBe(10_000);
    expect(allowed(limiter, 'backup.list', 1000)).toBe(1000);
  });
});
