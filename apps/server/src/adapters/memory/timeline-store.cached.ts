import { LRUCache } from 'lru-cache';
import type { TimelineEntry, TimelineStore } from '../../modules/feed/public.js';
import type { Clock } from '../../platform/clock.js';
import { compareIds, type Id } from '../../platform/ids.js';
import { spreadTtl } from './spread-expiry.js';
import { createWriteGuard } from './write-guard.js';

/**
 * Keeps the celebrity list of any TimelineStore in memory: every feed read needs
 * it, and it changes only when an author crosses the follower threshold. A change
 * through this wrapper is seen at once (a read that raced it is not kept); a change
 * by another process within `ttlMs`.
 */
export function withCelebrityCache(store: TimelineStore, options: { ttlMs: number; clock: Clock }): TimelineStore {
  let cached: { ids: Id[]; at: number } | null = null;
  const forget = () => {
    cached = null;
  };
  const guard = createWriteGuard();
  return {
    ...store,
    async celebrities() {
      const now = options.clock.now().getTime();
      if (cached && now - cached.at < options.ttlMs) return cached.ids;
      return guard.loading(() => store.celebrities(), (ids) => {
        cached = { ids, at: now };
      });
    },
    setCelebrity: (authorId, on) => guard.forgetting(() => store.setCelebrity(authorId, on), forget),
  };
}

export interface TimelineCacheOptions {
  /** Readers whose timelines are kept; the least recently read go first. */
  readers: number;
  /** Newest entries kept per reader: at most the store's capacity, so trimming never reaches them. */
  depth: number;
  /** How long a cached timeline may be served without being read again from the store. */
  ttlMs: number;
  clock: Clock;
}

/** The newest `entries` of one timeline; `complete` when that is the whole timeline. */
interface CachedTimeline {
  entries: TimelineEntry[];
  complete: boolean;
}

/**
 * The in-process timeline cache of the embedded profile (Redis holds it at scale):
 * the newest `depth` entries of recently read timelines, so a feed page reads its
 * skeleton from memory. It is written through: pushes and removals update cached
 * timelines after the store has them. It is only right while every write to the
 * timelines passes through this wrapper, so the composition root uses it only in a
 * process that runs both the API and the fan-out; `ttlMs` bounds any other staleness.
 * Reads below the cached prefix go to the store.
 */
export function withTimelineCache(store: TimelineStore, options: TimelineCacheOptions): TimelineStore {
  const now = () => options.clock.now().getTime();
  // ttlResolution 0: ages come from the injected clock alone, never from a real timer.
  const timelines = new LRUCache<Id, CachedTimeline>({ max: options.readers, ttl: options.ttlMs, ttlResolution: 0, perf: { now } });
  const lastReads = new LRUCache<Id, { at: Date | null }>({ max: options.readers, ttl: options.ttlMs, ttlResolution: 0, perf: { now } });
  const guard = createWriteGuard();
  /** Each stored timeline or read time lives a spread share of the TTL (spread-expiry.ts). */
  const lifetime = () => ({ ttl: spreadTtl(options.ttlMs) });

  function fill(readerId: Id): Promise<CachedTimeline> {
    return guard.loading(
      async () => {
        const entries = await store.read(readerId, null, options.depth);
        return { entries, complete: entries.length < options.depth };
      },
      (timeline) => timelines.set(readerId, timeline, lifetime()),
    );
  }

  function insert(timeline: CachedTimeline, entry: TimelineEntry): void {
    const { entries } = timeline;
    const at = firstBelow(entries, entry.postId, true);
    if (entries[at]?.postId === entry.postId) return;
    if (at === entries.length && !timeline.complete) return; // below the prefix: only the store holds that depth
    entries.splice(at, 0, entry);
    if (entries.length > options.depth) {
      entries.pop();
      timeline.complete = false;
    }
  }

  /** A write, then the same change to the cached timelines once the store has it. */
  function writing<R>(write: () => Promise<R>, thenCache: () => void): Promise<R> {
    return guard.around(write, () => {}, (ok) => ok && thenCache());
  }

  return {
    ...store,
    async read(readerId, beforeId, limit) {
      const timeline = timelines.get(readerId) ?? (beforeId === null ? await fill(readerId) : undefined);
      if (timeline) {
        const start = beforeId === null ? 0 : firstBelow(timeline.entries, beforeId, false);
        if (timeline.complete || start + limit <= timeline.entries.length) return timeline.entries.slice(start, start + limit);
      }
      return store.read(readerId, beforeId, limit);
    },
    push(deliveries) {
      return writing(
        () => store.push(deliveries),
        () => {
          if (timelines.size === 0) return;
          for (const { entry, readerIds } of deliveries) {
            for (const readerId of readerIds) {
              const timeline = timelines.peek(readerId);
              if (timeline) insert(timeline, entry);
            }
          }
        },
      );
    },
    removeAuthor(readerId, authorId) {
      return writing(
        () => store.removeAuthor(readerId, authorId),
        () => {
          const timeline = timelines.peek(readerId);
          if (timeline) timeline.entries = timeline.entries.filter((e) => e.authorId !== authorId);
        },
      );
    },
    removePost(postId) {
      return writing(
        () => store.removePost(postId),
        () => {
          // Every cached timeline is visited: a binary search each, not a walk of its entries.
          for (const { entries } of timelines.values()) {
            const at = firstBelow(entries, postId, true);
            if (entries[at]?.postId === postId) entries.splice(at, 1);
          }
        },
      );
    },
    async lastRead(readerId) {
      const hit = lastReads.get(readerId);
      if (hit) return hit.at;
      return guard.loading(
        () => store.lastRead(readerId),
        (at) => lastReads.set(readerId, { at }, lifetime()),
      );
    },
    markRead(readerId, at) {
      return guard.around(
        () => store.markRead(readerId, at),
        () => lastReads.delete(readerId),
        (ok) => ok && lastReads.set(readerId, { at }, lifetime()),
      );
    },
  };
}

/**
 * Where the entries strictly below `postId` start in a newest-first list (binary
 * search); with `orAt`, where an entry equal to `postId` sits or would go.
 */
function firstBelow(entries: readonly TimelineEntry[], postId: Id, orAt: boolean): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const order = compareIds(entries[mid]!.postId, postId);
    if (order > 0 || (order === 0 && !orAt)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
