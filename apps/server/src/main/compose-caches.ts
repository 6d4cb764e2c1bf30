/**
 * Which in-process caches wrap which stores, for compose.ts (the composition root).
 * Two kinds, told apart by how they learn about writes:
 * - by-id caches (posts, users, post counters) and derived ones (the celebrity list,
 *   affinity) are right in any topology: a write through this process forgets its
 *   record, and another process's writes show within PICTOR_CACHE_TTL_SECONDS;
 * - write-through caches (home timelines, the viewer's relations, which posts
 *   the viewer likes and saved) are updated or
 *   forgotten by the writes that pass through them, so they are kept only in a
 *   process that runs both the API and the worker, where every such write does.
 *   Split roles read those from the store (at scale, Redis is that store).
 * In a process that runs both roles, every write to posts, users and counters passes
 * through it too, so the by-id caches keep their records as long as the write-through ones.
 */
import { withAffinityCache } from '../adapters/memory/engagement-store.cached.js';
import { withRelationCache } from '../adapters/memory/graph-store.cached.js';
import { createPostCounterCache } from '../adapters/memory/post-counters.cached.js';
import { withPostCache } from '../adapters/memory/post-store.cached.js';
import { withCelebrityCache, withTimelineCache } from '../adapters/memory/timeline-store.cached.js';
import { withUserCache } from '../adapters/memory/user-store.cached.js';
import { withLikedCache, withSavedCache } from '../adapters/memory/viewer-state.cached.js';
import type { Config } from '../config/config.js';
import type { UserStore } from '../modules/accounts/public.js';
import type { TimelineStore } from '../modules/feed/public.js';
import type { GraphStore } from '../modules/graph/public.js';
import type { CommentStore, EngagementStore, SaveStore } from '../modules/interactions/public.js';
import type { PostStore } from '../modules/posts/public.js';
import type { Clock } from '../platform/clock.js';

/** Newest entries kept per cached timeline: two ranked windows, or about six pages newest first. */
const TIMELINE_CACHE_DEPTH = 128;
/**
 * A post's counters take a tenth of the memory of the post record itself, and a ranked
 * page asks for three times as many of them (its whole window) as it shows, so more are kept.
 */
const COUNTERS_PER_CACHED_POST = 3;
/**
 * A cache that sees every write to what it holds needs its TTL only as a safety net for
 * a write that bypassed it (the rebuild-counters command). Re-reading every active
 * reader's timeline, relations, likes and saves from SQLite each TTL cost a feed bench
 * run of 1,000 readers about a second of CPU every 30 s; re-reading the posts, authors
 * and counters of their pages cost a ranked page about a tenth more, since most pages
 * then met an expired counter and went to SQLite for it. Ten times the TTL keeps the
 * net and drops most of both.
 */
const SEES_EVERY_WRITE_TTL_FACTOR = 10;

export type CacheWrappers = ReturnType<typeof chooseCaches>;

export function chooseCaches(config: Config, clock: Clock) {
  const { ttlMs, entries, readers } = config.cache;
  const on = ttlMs > 0;
  const seesEveryWrite = on && config.roles.includes('api') && config.roles.includes('worker');
  const seesEveryWriteTtlMs = ttlMs * SEES_EVERY_WRITE_TTL_FACTOR;
  const byId = { max: entries, ttlMs: seesEveryWrite ? seesEveryWriteTtlMs : ttlMs, clock };
  const perReader = { viewers: readers, ttlMs, clock };
  const perReaderSeeingEveryWrite = { ...perReader, ttlMs: seesEveryWriteTtlMs };
  const depth = Math.min(TIMELINE_CACHE_DEPTH, config.feed.timelineCapacity);
  // One cache for the two stores whose writes move a post's counters.
  const counters = on ? createPostCounterCache({ ...byId, max: entries * COUNTERS_PER_CACHED_POST }) : null;
  return {
    posts: (store: PostStore): PostStore => (on ? withPostCache(store, byId) : store),
    users: (store: UserStore): UserStore => (on ? withUserCache(store, byId) : store),
    engagement(store: EngagementStore): EngagementStore {
      const withCounters = counters ? counters.engagement(store) : store;
      const withAffinity = on ? withAffinityCache(withCounters, perReader) : withCounters;
      return seesEveryWrite ? withLikedCache(withAffinity, perReaderSeeingEveryWrite) : withAffinity;
    },
    comments: (store: CommentStore): CommentStore => (counters ? counters.comments(store) : store),
    saves: (store: SaveStore): SaveStore => (seesEveryWrite ? withSavedCache(store, perReaderSeeingEveryWrite) : store),
    graph: (store: GraphStore): GraphStore => (seesEveryWrite ? withRelationCache(store, perReaderSeeingEveryWrite) : store),
    timelines(store: TimelineStore): TimelineStore {
      if (!on) return store;
      const celebrities = withCelebrityCache(store, { ttlMs, clock });
      return seesEveryWrite ? withTimelineCache(celebrities, { readers, depth, ttlMs: seesEveryWriteTtlMs, clock }) : celebrities;
    },
  };
}
