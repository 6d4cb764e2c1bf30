/**
 * The home feed: hybrid fan-out into capped timelines, merged celebrity posts,
 * chronological and ranked reading. Other modules import only this file.
 */
import type { Clock } from '../../platform/clock.js';
import type { EventSubscription } from '../../platform/events.js';
import type { HttpApp } from '../../platform/http/app.js';
import type { MediaUrl } from '../../platform/media-url.js';
import type { AccountDirectory } from '../accounts/public.js';
import type { GraphReader } from '../graph/public.js';
import type { InteractionsModule, PostLookup } from '../interactions/public.js';
import type { PresentPost } from '../posts/public.js';
import { createCandidates } from './candidates.js';
import { createFeedItems } from './feed-items.js';
import type { RecentPosts, TimelineEntry, TimelineStore } from './feed.ports.js';
import { registerFeedRoutes, registerFixedFeedRoutes } from './feed.routes.js';
import { createFeedReading } from './feed.service.js';
import { createFeedPageJson } from './feed.views.js';
import { fanOutPostJob } from './jobs/fan-out-post.job.js';
import { followTimelineJob } from './jobs/follow-timeline.job.js';
import { createTimelineUpkeep } from './timeline-upkeep.js';

export type { RecentPosts, TimelineDelivery, TimelineEntry, TimelineStore } from './feed.ports.js';

export interface FeedDeps {
  stores: { timelines: TimelineStore; recent: RecentPosts };
  interactions: Pick<InteractionsModule, 'engagement' | 'affinity'>;
  posts: PostLookup;
  present: PresentPost;
  accounts: AccountDirectory;
  graph: GraphReader;
  settings: { celebrityFollowerThreshold: number; inactiveAfterDays: number };
  platform: { clock: Clock; mediaUrl: MediaUrl };
}

export function createFeedModule(deps: FeedDeps) {
  const { timelines, recent } = deps.stores;
  const { clock, mediaUrl } = deps.platform;
  const candidates = createCandidates({ timelines, recent, graph: deps.graph });
  const items = createFeedItems({
    posts: deps.posts, accounts: deps.accounts, graph: deps.graph, engagement: deps.interactions.engagement, affinity: deps.interactions.affinity, clock,
  });
  const pageJson = createFeedPageJson({ present: deps.present, mediaUrl });
  const reading = createFeedReading({ candidates, items });
  const upkeep = createTimelineUpkeep({ timelines, recent, graph: deps.graph, accounts: deps.accounts, clock, settings: deps.settings });

  return {
    /** Pushes posts (oldest first) to their followers now (benchmarks and tools; normally the fan-out job does this). */
    fanOut: (entries: readonly TimelineEntry[]) => upkeep.fanOut(entries),
    subscriptions: (): EventSubscription[] => [fanOutPostJob(upkeep, timelines), followTimelineJob(upkeep, timelines)],
    registerRoutes(app: HttpApp, options: { benchRoutes?: boolean } = {}) {
      registerFeedRoutes(app, { reading, items, upkeep, pageJson });
      if (options.benchRoutes) {
        registerFixedFeedRoutes(app, pageJson, async (viewerId) => {
          const page = await reading.page(viewerId, null, 'following', 20);
          return { items: page.items, state: await items.viewerState(viewerId, page.items) };
        });
      }
    },
  };
}

export type FeedModule = ReturnType<typeof createFeedModule>;
