import type { EventSubscription } from '../../../platform/events.js';
import { type FollowPayload, GraphEvents } from '../../graph/public.js';
import type { TimelineStore } from '../feed.ports.js';
import type { TimelineUpkeep } from '../timeline-upkeep.js';

/**
 * The graph's changes, reflected in home timelines: a follow (or unmute) brings the
 * account's recent posts in; an unfollow, block or mute takes them out. Reads also
 * apply follows, mutes and blocks, so the feed is right even before this runs.
 */
export function followTimelineJob(upkeep: TimelineUpkeep, timelines: TimelineStore): EventSubscription {
  return {
    name: 'feed.follow-timeline',
    types: [GraphEvents.followed, GraphEvents.unfollowed, GraphEvents.blocked, GraphEvents.muted, GraphEvents.unmuted],
    handle: async (event) => {
      if (event.type === GraphEvents.followed || event.type === GraphEvents.unfollowed) {
        const { followerId, followeeId } = event.payload as FollowPayload;
        if (event.type === GraphEvents.followed) {
          await upkeep.backfill(followerId, followeeId); // re-checks the celebrity threshold too
        } else {
          await timelines.removeAuthor(followerId, followeeId);
          await upkeep.recheckCelebrity(followeeId);
        }
        return;
      }
      const { actorId, subjectId } = event.payload as { actorId: string; subjectId: string };
      if (event.type === GraphEvents.blocked) {
        await timelines.removeAuthor(actorId, subjectId);
        await timelines.removeAuthor(subjectId, actorId);
      } else if (event.type === GraphEvents.muted) {
        await timelines.removeAuthor(actorId, subjectId);
      } else {
        await upkeep.backfill(actorId, subjectId);
      }
    },
  };
}
