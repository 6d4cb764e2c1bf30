import type { EventSubscription } from '../../../platform/events.js';
import { AccountEvents, type AccountDirectory } from '../../accounts/public.js';
import type { createFollowing } from '../follow.service.js';

/** Switching an account to public lets everyone who asked to follow it in. */
export function approveRequestsWhenPublicJob(accounts: AccountDirectory, following: ReturnType<typeof createFollowing>): EventSubscription {
  return {
    name: 'graph.approve-requests-when-public',
    types: [AccountEvents.profileChanged],
    async handle(event) {
      const { userId, fields } = event.payload as { userId: string; fields: string[] };
      if (!fields.includes('isPrivate')) return;
      const user = await accounts.findById(userId);
      if (user && !user.isPrivate) await following.approveAllPending(userId);
    },
  };
}
