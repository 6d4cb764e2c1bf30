import type { Id } from '../../platform/ids.js';
import type { AccountDirectory, User } from '../accounts/public.js';
import { userNotFound } from './graph.errors.js';
import type { GraphStore } from './graph.ports.js';
import type { FollowCounts, RelationshipFacts } from './graph.types.js';

export type PostCounts = (userIds: readonly Id[]) => Promise<Map<Id, number>>;

export interface ProfileLookup {
  user: User;
  counts: FollowCounts & { posts: number };
  facts: RelationshipFacts | null;
  canSeeContent: boolean;
}

/** An account as another sees it: hidden entirely when either side blocks the other. */
export function createProfiles(deps: { graph: GraphStore; accounts: AccountDirectory; postCounts: PostCounts }) {
  async function counts(userId: Id) {
    const [follow, posts] = await Promise.all([deps.graph.counts([userId]), deps.postCounts([userId])]);
    return { ...(follow.get(userId) ?? { followers: 0, following: 0 }), posts: posts.get(userId) ?? 0 };
  }

  return {
    counts,
    async lookup(viewerId: Id | null, user: User | null): Promise<ProfileLookup> {
      if (!user) throw userNotFound();
      const facts = viewerId && viewerId !== user.id ? await deps.graph.facts(viewerId, user.id) : null;
      // A block hides each side from the other, whoever made it; the blocker undoes it from their blocked list.
      if (facts?.blockedBy || facts?.blocking) throw userNotFound();
      const isSelf = viewerId === user.id;
      const canSeeContent = isSelf || !user.isPrivate || Boolean(facts?.following);
      return { user, counts: await counts(user.id), facts, canSeeContent };
    },
  };
}
