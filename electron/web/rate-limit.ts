// Browser mode's rate limits: a token bucket per session and per class of call. Backups, restores and
// bundle imports are slow and rotate or replace data, so only a few a minute; other calls that change
// the archive get a bucket large enough for a clerk importing a folder of 300 files one call per
// file while the editor autosaves; pure reads are not limited.
import type { ApiMethod } from '../../shared/api/contract.ts';

export interface BucketSpec {
  /** the most calls allowed at once (the bucket's size) */
  burst: number;
  /** tokens added back per second */
  refillPerSecond: number;
}

export type RateClass = 'heavy' | 'mutating';

export const WEB_RATE_LIMITS: Record<RateClass, BucketSpec> = {
  /** backup.create, backup.restore, bundle.import: burst 3, then 5 a minute */
  heavy: { burst: 3, refillPerSecond: 5 / 60 },
  /** every other call that changes the archive: burst 300, then 20 a second */
  mutating: { burst: 300, refillPerSecond: 20 },
};

const HEAVY: ReadonlySet<string> = new Set<ApiMethod>(['backup.create', 'backup.restore', 'bundle.import']);

/** Calls that only read. Anything not named here counts as mutating, so a new method is limited by default. */
const READS: ReadonlySet<string> = new Set<ApiMethod>([
  'app.info',
  'series.list',
  'series.get',
  'issues.list',
  'issues.gaps',
  'issues.get',
  'issues.recycleBin',
  'revisions.list',
  'revisions.get',
  'search',
  'export.docx',
  'export.pdf',
  'export.json',
  'volume.preview',
  'volume.progress',
  'volume.result',
  'stats.tally',
  'stats.xlsx',
  'stats.docx',
  'backup.list',
  'bundle.export',
  'images.get',
]);

/** The bucket a call draws from, or null for a pure read. */
export function rateClass(method: string): RateClass | null {
  if (HEAVY.has(method)) return 'heavy';
  if (READS.has(method)) return null;
  return 'mutating';
}

export type Clock = () => number;

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly spec: BucketSpec,
    private readonly now: Clock = Date.now,
  ) {
    this.tokens = spec.burst;
    this.last = now();
  }

  private refill(): void {
    const at = this.now();
    const elapsed = Math.max(0, at - this.last) / 1000;
    this.last = at;
    this.tokens = Math.min(this.spec.burst, this.tokens + elapsed * this.spec.refillPerSecond);
  }

  /** Takes one token when there is one. */
  take(): boolean {
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    return false;
  }

  /** Whole seconds until the next token (at least 1). */
  retryAfterSeconds(): number {
    this.refill();
    return Math.max(1, Math.ceil((1 - this.tokens) / this.spec.refillPerSecond));
  }
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** One session's limits: a bucket per class, filled on first use. */
export class SessionRateLimiter {
  private readonly buckets = new Map<RateClass, TokenBucket>();

  constructor(
    private readonly limits: Record<RateClass, BucketSpec> = WEB_RATE_LIMITS,
    private readonly now: Clock = Date.now,
  ) {}

  check(method: string): RateDecision {
    const kind = rateClass(method);
    if (kind === null) return { ok: true };
    let bucket = this.buckets.get(kind);
    if (!bucket) {
      bucket = new TokenBucket(this.limits[kind], this.now);
      this.buckets.set(kind, bucket);
    }
    return bucket.take() ? { ok: true } : { ok: false, retryAfterSeconds: bucket.retryAfterSeconds() };
  }
}
