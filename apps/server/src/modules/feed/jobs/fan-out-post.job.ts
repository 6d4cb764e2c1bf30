import type { EventSubscription } from '../../../platform/events.js';
import { PostEvents } from '../../posts/public.js';
import type { TimelineStore } from '../feed.ports.js';
import type { TimelineUpkeep } from '../timeline-upkeep.js';

/**
 * A post's life in timelines, in outbox order: published or unarchived → pushed to
 * followers (hybrid fan-out); archived or deleted → removed from every timeline.
 * Idempotent: a redelivered event pushes rows that already exist, or removes none.
 */
export function fanOutPostJob(upkeep: TimelineUpkeep, timelines: TimelineStore): EventSubscription {
  return {
    name: 'feed.fan-out-post',
    types: [PostEvents.created, PostEvents.unarchived, PostEvents.archived, PostEvents.deleted],
    handle: async (event) => {
      const { postId, ownerId } = event.payload as { postId: string; ownerId: string };
      if (event.type === PostEvents.created || event.type === PostEvents.unarchived) {
        await upkeep.fanOut({ postId, authorId: ownerId });
      } else {
        await timelines.removePost(postId);
      }
    },
  };
}
