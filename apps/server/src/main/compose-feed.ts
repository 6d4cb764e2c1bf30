/**
 * Wiring for interactions and the feed, called by compose.ts (the composition
 * root): picks their SQLite adapters and connects them to posts, graph, accounts.
 */
import { createSqliteCommentStore } from '../adapters/sqlite/comment-store.sqlite.js';
import type { Sqlite } from '../adapters/sqlite/database.js';
import { createSqliteEngagementStore } from '../adapters/sqlite/engagement-store.sqlite.js';
import type { OutboxWriter } from '../adapters/sqlite/event-log.sqlite.js';
import { createSqliteRecentPosts } from '../adapters/sqlite/recent-posts.sqlite.js';
import { createSqliteSaveStore } from '../adapters/sqlite/save-store.sqlite.js';
import { createSqliteTimelineStore } from '../adapters/sqlite/timeline-store.sqlite.js';
import type { Config } from '../config/config.js';
import type { AccountDirectory } from '../modules/accounts/public.js';
import { createFeedModule } from '../modules/feed/public.js';
import type { GraphModule } from '../modules/graph/public.js';
import { createInteractionsModule, type PostLookup } from '../modules/interactions/public.js';
import type { EngagedViews, PresentPost } from '../modules/posts/public.js';
import type { Clock } from '../platform/clock.js';
import type { IdGenerator } from '../platform/ids.js';
import type { MediaUrl } from '../platform/media-url.js';
import type { CacheWrappers } from './compose-caches.js';

export interface FeedWiring {
  db: Sqlite;
  outbox: OutboxWriter;
  config: Config;
  caches: CacheWrappers;
  posts: { lookup: PostLookup; present: PresentPost; presentEngaged: EngagedViews };
  accounts: AccountDirectory;
  graph: Pick<GraphModule, 'visibility' | 'reader'>;
  platform: { ids: IdGenerator; clock: Clock; mediaUrl: MediaUrl };
}

export function composeInteractionsAndFeed(w: FeedWiring) {
  const interactions = createInteractionsModule({
    stores: {
      engagement: w.caches.engagement(createSqliteEngagementStore(w.db, w.outbox)),
      comments: w.caches.comments(createSqliteCommentStore(w.db, w.outbox)),
      saves: w.caches.saves(createSqliteSaveStore(w.db)),
    },
    posts: w.posts,
    accounts: w.accounts,
    graph: w.graph,
    platform: { ...w.platform, publicUrl: w.config.publicUrl },
  });
  const feed = createFeedModule({
    stores: {
      timelines: w.caches.timelines(createSqliteTimelineStore(w.db, { capacity: w.config.feed.timelineCapacity })),
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
