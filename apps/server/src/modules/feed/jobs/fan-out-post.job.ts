import type { EventSubscription, StoredEvent } from '../../../platform/events.js';
import { PostEvents } from '../../posts/public.js';
import type { TimelineEntry, TimelineStore } from '../feed.ports.js';
import type { TimelineUpkeep } from '../timeline-upkeep.js';

const pushes = (type: string) => type === PostEvents.created || type === PostEvents.unarchived;

/**
 * A post's life in timelines, in outbox order: published or unarchived → pushed to
 * followers (hybrid fan-out); archived or deleted → removed from every timeline.
 * A batch of events fans its consecutive publications out together (one lookup of
 * followers per author, a few large transactions), keeping removals in their place.
 * Idempotent: a redelivered event pushes rows that already exist, or removes none.
 */
export function fanOutPostJob(upkeep: TimelineUpkeep, timelines: TimelineStore): EventSubscription {
  const entryOf = (event: StoredEvent): TimelineEntry => {
    const { postId, ownerId } = event.payload as { postId: string; ownerId: string };
    return { postId, authorId: ownerId };
  };
  return {
    name: 'feed.fan-out-post',
    types: [PostEvents.created, PostEvents.unarchived, PostEvents.archived, PostEvents.deleted],
    handle: async (event) => {
      if (pushes(event.type)) await upkeep.fanOut([entryOf(event)]);
      else await timelines.removePost(entryOf(event).postId);
    },
    handleBatch: async (events) => {
      let run: TimelineEntry[] = [];
      for (const event of events) {
        if (pushes(event.type)) {
          run.push(entryOf(event));
          continue;
        }
        if (run.length) await upkeep.fanOut(run);
        run = [];
        await timelines.removePost(entryOf(event).postId);
      }
      if (run.length) await upkeep.fanOut(run);
    },
  };
}
