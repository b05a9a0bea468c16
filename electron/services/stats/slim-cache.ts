// The issues the statistics counted last, slim (shared/stats/slim.ts), kept per open archive by content hash:
// counting the next period, or the same one again after an attribution is confirmed, reads and parses only
// the issues whose content changed. The newest MAX_ISSUES are kept (a few MB); an archive restored from a
// backup is a new content for every changed issue, so a hash never stands for two contents.
import type { Issue } from '../../../shared/model/issue.ts';
import { slimIssue } from '../../../shared/stats/slim.ts';
import type { Archive } from '../archive/index.ts';

const MAX_ISSUES = 2000;
const caches = new WeakMap<Archive, Map<string, Issue>>();

export interface SlimCache {
  /** the slim issue held for this content, or null */
  get(hash: string): Issue | null;
  /** the slim issue for this content: the one held, else this issue slimmed and kept */
  hold(hash: string, issue: Issue): Issue;
}

export function slimCacheOf(archive: Archive): SlimCache {
  let cache = caches.get(archive);
  if (!cache) caches.set(archive, (cache = new Map()));
  const held = cache;
  return {
    get: (hash) => held.get(hash) ?? null,
    hold(hash, issue) {
      let slim = held.get(hash);
      if (slim) held.delete(hash);
      else slim = slimIssue(issue);
      // a Map keeps insertion order: the first key is the one used longest ago
      held.set(hash, slim);
      if (held.size > MAX_ISSUES) held.delete(held.keys().next().value!);
      return slim;
    },
  };
}

/** Forgets what was held for the archive: the next count reads every issue (the benchmark's cold runs). */
export function forgetSlimIssues(archive: Archive): void {
  caches.delete(archive);
}
