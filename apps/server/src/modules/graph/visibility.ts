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
    /** True when either side blocks the other: the account is invisible to the viewer. */
    async hidden(viewerId: Id | null, ownerId: Id): Promise<boolean> {
      if (viewerId === null || viewerId === ownerId) return false;
      const facts = await graph.facts(viewerId, ownerId);
      return facts.blocking || facts.blockedBy;
    },
  };
}

export type Visibility = ReturnType<typeof createVisibility>;
