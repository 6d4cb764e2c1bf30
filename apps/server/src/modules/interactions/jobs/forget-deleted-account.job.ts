import type { EventSubscription } from '../../../platform/events.js';
import { AccountEvents } from '../../accounts/public.js';
import type { EngagementStore, SaveStore } from '../interactions.ports.js';

/** A deleted account leaves no likes, comments or saves behind, and no counts they made. Idempotent. */
export function forgetDeletedAccountJob(engagement: EngagementStore, saves: SaveStore): EventSubscription {
  return {
    name: 'interactions.forget-deleted-account',
    types: [AccountEvents.deleted],
    handle: async (event) => {
      const { userId } = event.payload as { userId: string };
      await engagement.forgetUser(userId);
      await saves.forgetUser(userId);
    },
  };
}
