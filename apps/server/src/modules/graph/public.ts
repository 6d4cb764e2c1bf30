/**
 * The social graph: follows, follow requests, blocks, mutes, restricts, and the
 * visibility rule every other surface applies. Other modules import only this file.
 */
import type { Clock } from '../../platform/clock.js';
import type { EventSubscription } from '../../platform/events.js';
import type { HttpApp } from '../../platform/http/app.js';
import type { Id, IdGenerator } from '../../platform/ids.js';
import type { MediaUrl } from '../../platform/media-url.js';
import type { AccountDirectory } from '../accounts/public.js';
import { createFollowing } from './follow.service.js';
import type { GraphStore } from './graph.ports.js';
import { registerGraphRoutes } from './graph.routes.js';
import { approveRequestsWhenPublicJob } from './jobs/approve-requests-when-public.job.js';
import { removeDeletedAccountJob } from './jobs/remove-deleted-account.job.js';
import { createProfiles, type PostCounts } from './profiles.service.js';
import { createRelations } from './relations.service.js';
import { createVisibility } from './visibility.js';

export type { GraphStore } from './graph.ports.js';
export type * from './graph.types.js';
export { GraphEvents, type FollowPayload } from './graph.events.js';
export type { Visibility } from './visibility.js';
export type { PostCounts } from './profiles.service.js';

export interface GraphDeps {
  graph: GraphStore;
  accounts: AccountDirectory;
  postCounts: PostCounts;
  platform: { ids: IdGenerator; clock: Clock; mediaUrl: MediaUrl };
}

export function createGraphModule(deps: GraphDeps) {
  const { graph, accounts } = deps;
  const { ids, clock } = deps.platform;
  const following = createFollowing({ graph, accounts, ids, clock });
  const relations = createRelations({ graph, accounts, ids, clock });
  const profiles = createProfiles({ graph, accounts, postCounts: deps.postCounts });
  const visibility = createVisibility(graph);

  return {
    visibility,
    /** Follower/following/post counts for one account (the accounts module's /me uses it). */
    counts: (userId: Id) => profiles.counts(userId),
    /** Read-only graph queries for modules built on this one (feed fan-out, stories, messaging). */
    reader: {
      facts: graph.facts.bind(graph),
      followers: graph.followers.bind(graph),
      following: graph.following.bind(graph),
      blockedAmong: graph.blockedAmong.bind(graph),
      followedAmong: graph.followedAmong.bind(graph),
      relationsAmong: graph.relationsAmong.bind(graph),
      counts: graph.counts.bind(graph),
    },
    subscriptions: (): EventSubscription[] => [
      removeDeletedAccountJob(graph),
      approveRequestsWhenPublicJob(accounts, following),
    ],
    registerRoutes(app: HttpApp) {
      registerGraphRoutes(app, { graph, accounts, following, relations, profiles, mediaUrl: deps.platform.mediaUrl });
    },
  };
}

export type GraphModule = ReturnType<typeof createGraphModule>;
export type GraphReader = GraphModule['reader'];
