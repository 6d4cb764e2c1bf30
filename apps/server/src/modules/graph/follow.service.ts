import type { Clock } from '../../platform/clock.js';
import type { Id, IdGenerator } from '../../platform/ids.js';
import type { AccountDirectory, User } from '../accounts/public.js';
import { cannotTargetSelf, userNotFound, youBlockThem } from './graph.errors.js';
import { followed, followRequested, unfollowed } from './graph.events.js';
import type { GraphStore } from './graph.ports.js';
import type { RelationshipFacts } from './graph.types.js';

export type FollowStatus = 'following' | 'requested' | 'none';

/**
 * Follows and follow requests. A private account's new followers wait for the
 * owner's approval; a public account's follow at once.
 */
export function createFollowing(deps: { graph: GraphStore; accounts: AccountDirectory; ids: IdGenerator; clock: Clock }) {
  const { graph } = deps;

  /** The other account, if the viewer may act on it at all (blocks hide accounts both ways). */
  async function reachable(viewerId: Id, targetId: Id, action: string): Promise<{ target: User; facts: RelationshipFacts }> {
    if (viewerId === targetId) throw cannotTargetSelf(action);
    const target = await deps.accounts.findById(targetId);
    if (!target) throw userNotFound();
    const facts = await graph.facts(viewerId, targetId);
    if (facts.blockedBy) throw userNotFound();
    if (facts.blocking) throw youBlockThem();
    return { target, facts };
  }

  return {
    async follow(viewerId: Id, targetId: Id): Promise<FollowStatus> {
      const { target, facts } = await reachable(viewerId, targetId, 'follow');
      const now = deps.clock.now();
      if (target.isPrivate && !facts.following) {
        await graph.request(viewerId, targetId, deps.ids.next(), now, [followRequested(viewerId, targetId)]);
        return 'requested';
      }
      await graph.follow(viewerId, targetId, deps.ids.next(), now, [followed(viewerId, targetId)]);
      return 'following';
    },

    /** Unfollows, or withdraws a pending request; idempotent. */
    async unfollow(viewerId: Id, targetId: Id): Promise<FollowStatus> {
      if (viewerId === targetId) throw cannotTargetSelf('unfollow');
      if (!(await deps.accounts.findById(targetId))) throw userNotFound();
      await graph.removeRequest(viewerId, targetId);
      await graph.unfollow(viewerId, targetId, [unfollowed(viewerId, targetId)]);
      return 'none';
    },

    async approve(ownerId: Id, requesterId: Id): Promise<void> {
      const approved = await graph.approve(requesterId, ownerId, deps.ids.next(), deps.clock.now(), [followed(requesterId, ownerId)]);
      if (!approved) throw userNotFound();
    },

    async decline(ownerId: Id, requesterId: Id): Promise<void> {
      if (!(await graph.removeRequest(requesterId, ownerId))) throw userNotFound();
    },

    /** Takes someone off the owner's followers without blocking them. */
    async removeFollower(ownerId: Id, followerId: Id): Promise<void> {
      if (ownerId === followerId) throw cannotTargetSelf('remove');
      if (!(await deps.accounts.findById(followerId))) throw userNotFound();
      await graph.unfollow(followerId, ownerId, [unfollowed(followerId, ownerId)]);
    },

    /** When an account goes public, everyone waiting is let in, as on Instagram. */
    async approveAllPending(ownerId: Id): Promise<void> {
      for (;;) {
        const waiting = await graph.pendingRequesters(ownerId, 500);
        if (waiting.length === 0) return;
        for (const requesterId of waiting) {
          await graph.approve(requesterId, ownerId, deps.ids.next(), deps.clock.now(), [followed(requesterId, ownerId)]);
        }
      }
    },
  };
}
