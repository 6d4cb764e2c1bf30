import type { TimelineStore } from '../../modules/feed/public.js';
import type { Id } from '../../platform/ids.js';
import type { Clock } from '../../platform/clock.js';

/**
 * Keeps the celebrity list of any TimelineStore in memory: every feed read needs
 * it, and it changes only when an author crosses the follower threshold. A change
 * through this wrapper is seen at once; a change by another process within `ttlMs`.
 */
export function withCelebrityCache(store: TimelineStore, options: { ttlMs: number; clock: Clock }): TimelineStore {
  let cached: { ids: Id[]; at: number } | null = null;
  return {
    ...store,
    async celebrities() {
      const now = options.clock.now().getTime();
      if (cached && now - cached.at < options.ttlMs) return cached.ids;
      const ids = await store.celebrities();
      cached = { ids, at: now };
      return ids;
    },
    async setCelebrity(authorId, on) {
      cached = null;
      await store.setCelebrity(authorId, on);
      cached = null;
    },
  };
}
