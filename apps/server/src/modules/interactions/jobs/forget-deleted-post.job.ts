import type { EventSubscription } from '../../../platform/events.js';
import { PostEvents } from '../../posts/public.js';
import type { EngagementStore, SaveStore } from '../interactions.ports.js';

/** A deleted post leaves no likes, comments, saves or counters behind. Idempotent. */
export function forgetDeletedPostJob(engagement: EngagementStore, saves: SaveStore): EventSubscription {
  return {
    name: 'interactions.forget-deleted-post',
    types: [PostEvents.deleted],
    handle: async (event) => {
      const { postId } = event.payload as { postId: string };
      await engagement.forgetPost(postId);
      await saves.forgetPost(postId);
    },
  };
}
