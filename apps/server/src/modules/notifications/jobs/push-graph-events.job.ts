import type { EventSubscription } from '../../../platform/events.js';
import type { RealtimeHub } from '../../../platform/realtime.js';
import { GraphEvents } from '../../graph/public.js';

/** Tells the followed account, live, that someone followed them or asked to. */
export function pushGraphEventsJob(hub: RealtimeHub): EventSubscription {
  return {
    name: 'notifications.push-graph-events',
    types: [GraphEvents.followed, GraphEvents.followRequested],
    async handle(event) {
      if (event.type === GraphEvents.followed) {
        const { followerId, followeeId } = event.payload as { followerId: string; followeeId: string };
        await hub.publish(followeeId, { type: 'follow', userId: followerId });
      } else {
        const { requesterId, targetId } = event.payload as { requesterId: string; targetId: string };
        await hub.publish(targetId, { type: 'follow_request', userId: requesterId });
      }
    },
  };
}
