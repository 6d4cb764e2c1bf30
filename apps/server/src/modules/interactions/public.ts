/**
 * Likes, comments (one-level threads), comment likes and saves, and the derived
 * counters. Other modules import only this file.
 */
import type { Clock } from '../../platform/clock.js';
import type { EventSubscription } from '../../platform/events.js';
import type { HttpApp } from '../../platform/http/app.js';
import type { IdGenerator } from '../../platform/ids.js';
import type { MediaUrl } from '../../platform/media-url.js';
import type { AccountDirectory } from '../accounts/public.js';
import type { GraphReader, Visibility } from '../graph/public.js';
import { registerCommentRoutes } from './comments.routes.js';
import { createComments } from './comments.service.js';
import type { EngagedViews } from '../posts/public.js';
import { createEngagementReader } from './engagement.js';
import type { CommentStore, EngagementStore, SaveStore } from './interactions.ports.js';
import { registerInteractionRoutes } from './interactions.routes.js';
import { forgetDeletedAccountJob } from './jobs/forget-deleted-account.job.js';
import { forgetDeletedPostJob } from './jobs/forget-deleted-post.job.js';
import { createLikes } from './likes.service.js';
import { createPostGate, type PostLookup } from './post-gate.js';
import { createSaves } from './saves.service.js';

export type * from './interactions.ports.js';
export type * from './interactions.types.js';
export { InteractionEvents, type CommentedPayload, type LikedPayload } from './interactions.events.js';
export type { Counts, EngagementReader, ViewerState } from './engagement.js';
export type { PostGate, PostLookup, Shown } from './post-gate.js';

export interface InteractionsDeps {
  stores: { engagement: EngagementStore; comments: CommentStore; saves: SaveStore };
  /** Finding posts, and answering them with one viewer's engagement (the saved list). */
  posts: { lookup: PostLookup; presentEngaged: EngagedViews };
  accounts: AccountDirectory;
  graph: { visibility: Visibility; reader: GraphReader };
  platform: { ids: IdGenerator; clock: Clock; mediaUrl: MediaUrl; publicUrl: string | undefined };
}

export function createInteractionsModule(deps: InteractionsDeps) {
  const { engagement: engagementStore, comments: commentStore, saves: saveStore } = deps.stores;
  const { ids, clock, mediaUrl } = deps.platform;
  const gate = createPostGate({ posts: deps.posts.lookup, accounts: deps.accounts, visibility: deps.graph.visibility });
  const engagement = createEngagementReader({ engagement: engagementStore, saves: saveStore });
  const likes = createLikes({ gate, engagement: engagementStore, ids, clock });
  const comments = createComments({ gate, comments: commentStore, graph: deps.graph.reader, ids, clock });
  const saves = createSaves({ gate, saves: saveStore, ids, clock });

  return {
    /** Batch visibility for posts (feed, saved list): fixed round trips whatever the count. */
    gate,
    /** Counters and the viewer's likes and saves for a batch of posts (the posts module's EngagementReader). */
    engagement,
    /** The viewer's past likes and comments per author: the feed's affinity signal. */
    affinity: engagementStore.affinity.bind(engagementStore),
    /** Recomputes every counter from the like and comment rows (npm run rebuild-counters). */
    rebuildCounters: () => engagementStore.rebuildCounters(),
    subscriptions: (): EventSubscription[] => [forgetDeletedPostJob(engagementStore, saveStore), forgetDeletedAccountJob(engagementStore, saveStore)],
    registerRoutes(app: HttpApp) {
      registerInteractionRoutes(app, {
        likes, saves, gate, presentEngaged: deps.posts.presentEngaged, accounts: deps.accounts, graph: deps.graph.reader,
        mediaUrl, publicUrl: deps.platform.publicUrl,
      });
      registerCommentRoutes(app, { comments, store: commentStore, accounts: deps.accounts, mediaUrl });
    },
  };
}

export type InteractionsModule = ReturnType<typeof createInteractionsModule>;
