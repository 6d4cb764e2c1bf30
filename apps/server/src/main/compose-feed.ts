/**
 * Wiring for interactions and the feed, called by compose.ts (the composition
 * root): picks their SQLite adapters and connects them to posts, graph, accounts.
 */
import { withCelebrityCache, withTimelineCache } from '../adapters/memory/timeline-store.cached.js';
import { createSqliteCommentStore } from '../adapters/sqlite/comment-store.sqlite.js';
import type { Sqlite } from '../adapters/sqlite/database.js';
import { createSqliteEngagementStore } from '../adapters/sqlite/engagement-store.sqlite.js';
import type { OutboxWriter } from '../adapters/sqlite/event-log.sqlite.js';
import { createSqliteRecentPosts } from '../adapters/sqlite/recent-posts.sqlite.js';
import { createSqliteSaveStore } from '../adapters/sqlite/save-store.sqlite.js';
import { createSqliteTimelineStore } from '../adapters/sqlite/timeline-store.sqlite.js';
import type { Config } from '../config/config.js';
import type { AccountDirectory } from '../modules/accounts/public.js';
import { createFeedModule, type TimelineStore } from '../modules/feed/public.js';
import type { GraphModule } from '../modules/graph/public.js';
import { createInteractionsModule, type PostLookup, type PresentPost } from '../modules/interactions/public.js';
import type { Clock } from '../platform/clock.js';
import type { IdGenerator } from '../platform/ids.js';
import type { MediaUrl } from '../platform/media-url.js';

export interface FeedWiring {
  db: Sqlite;
  outbox: OutboxWriter;
  config: Config;
  posts: { lookup: PostLookup; present: PresentPost };
  accounts: AccountDirectory;
  graph: Pick<GraphModule, 'visibility' | 'reader'>;
  platform: { ids: IdGenerator; clock: Clock; mediaUrl: MediaUrl };
}

export function composeInteractionsAndFeed(w: FeedWiring) {
  const interactions = createInteractionsModule({
    stores: {
      engagement: createSqliteEngagementStore(w.db, w.outbox),
      comments: createSqliteCommentStore(w.db, w.outbox),
      saves: createSqliteSaveStore(w.db),
    },
    posts: w.posts,
    accounts: w.accounts,
    graph: w.graph,
    platform: { ...w.platform, publicUrl: w.config.publicUrl },
  });
  const feed = createFeedModule({
    stores: {
      timelines: cachedTimelines(createSqliteTimelineStore(w.db, { capacity: w.config.feed.timelineCapacity }), w.config, w.platform.clock),
      recent: createSqliteRecentPosts(w.db),
    },
    interactions,
    posts: w.posts.lookup,
    present: w.posts.present,
    accounts: w.accounts,
    graph: w.graph.reader,
    settings: { celebrityFollowerThreshold: w.config.feed.celebrityFollowerThreshold, inactiveAfterDays: w.config.feed.inactiveAfterDays },
    platform: { clock: w.platform.clock, mediaUrl: w.platform.mediaUrl },
  });
  return { interactions, feed };
}

/** Newest entries kept per cached timeline: two ranked windows, or about six pages newest first. */
const TIMELINE_CACHE_DEPTH = 128;

/**
 * The celebrity list is always cached. The timelines themselves only where every
 * write to them passes through this process (the API's rebuilds and the worker's
 * fan-out): that cache is written through, not invalidated from elsewhere.
 */
function cachedTimelines(store: TimelineStore, config: Config, clock: Clock): TimelineStore {
  const { ttlMs } = config.cache;
  const celebrities = withCelebrityCache(store, { ttlMs, clock });
  const writesHere = config.roles.includes('api') && config.roles.includes('worker');
  if (ttlMs === 0 || !writesHere) return celebrities;
  const depth = Math.min(TIMELINE_CACHE_DEPTH, config.feed.timelineCapacity);
  return withTimelineCache(celebrities, { readers: config.cache.timelines, depth, ttlMs, clock });
}
