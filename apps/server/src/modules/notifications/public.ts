/**
 * Notifications: for now, live pushes over the gateway for graph events.
 * A stored activity list (likes, comments, mentions) grows here later.
 */
import type { EventSubscription } from '../../platform/events.js';
import type { RealtimeHub } from '../../platform/realtime.js';
import { pushGraphEventsJob } from './jobs/push-graph-events.job.js';

export function createNotificationsModule(deps: { hub: RealtimeHub }) {
  return {
    subscriptions: (): EventSubscription[] => [pushGraphEventsJob(deps.hub)],
  };
}
