import type { Id } from '../../platform/ids.js';
import type { GraphStore } from './graph.ports.js';

/**
 * The one rule every surface uses: may `viewerId` see what `owner` posts?
 * Blocked either way: never. Private: only the owner and approved followers.
 */
export function createVisibility(graph: GraphStore) {
  return {
    async canSeeContent(viewerId: Id | null, owner: { id: Id; isPrivate: boolean }): Promise<boolean> {
      if (viewerId === owner.id) return true;
      if (viewerId === null) return !owner.isPrivate;
      const facts = await graph.facts(viewerId, owner.id);
      if (facts.blocking || facts.blockedBy) return false;
      return !owner.isPrivate || facts.following;
    },
    /**
     * canSeeContent for many owners at once, in two queries whatever their number:
     * the batch form every list and feed page uses. Answers the ids the viewer may see.
     */
    async visibleAmong(viewerId: Id | null, owners: readonly { id: Id; isPrivate: boolean }[]): Promise<Set<Id>> {
      if (viewerId === null) return new Set(owners.filter((o) => !o.isPrivate).map((o) => o.id));
      const others = owners.filter((o) => o.id !== viewerId);
      const [blocked, followed] = await Promise.all([
        graph.blockedAmong(viewerId, others.map((o) => o.id)),
        graph.followedAmong(viewerId, others.filter((o) => o.isPrivate).map((o) => o.id)),
      ]);
      const visible = new Set(owners.filter((o) => o.id === viewerId).map((o) => o.id));
      for (const owner of others) {
        if (!blocked.has(owner.id) && (!owner.isPrivate || followed.has(owner.id))) visible.add(owner.id);
      }
      return visible;
    },
    /** True when either side blocks the other: the account is invisible to the viewer. */
    async hidden(viewerId: Id | null, ownerId: Id): Promise<boolean> {
      if (viewerId === null || viewerId === ownerId) return false;
      const facts = await graph.facts(viewerId, ownerId);
      return facts.blocking || facts.blockedBy;
    },
  };
}

export type Visibility = ReturnType<typeof createVisibility>;
