import type { Clock } from '../../platform/clock.js';
import type { Id, IdGenerator } from '../../platform/ids.js';
import { liked, unliked } from './interactions.events.js';
import type { EngagementStore } from './interactions.ports.js';
import type { PostGate } from './post-gate.js';

/**
 * Liking: idempotent per (post, user); the like row is the truth and the count
 * moves with it. Anyone who may not see the post (blocked either way, private and
 * not following, archived) gets the same 404 as for a missing post.
 */
export function createLikes(deps: { gate: PostGate; engagement: EngagementStore; ids: IdGenerator; clock: Clock }) {
  const { gate, engagement } = deps;
  async function countFor(viewerId: Id, post: { id: Id; ownerId: Id; hideLikeCount: boolean }) {
    if (post.hideLikeCount && viewerId !== post.ownerId) return null;
    return (await engagement.counters([post.id])).get(post.id)!.likes;
  }
  return {
    async like(viewerId: Id, postId: Id) {
      const { post } = await gate.open(viewerId, postId);
      const payload = { postId, authorId: post.ownerId, userId: viewerId };
      await engagement.like({ postId, userId: viewerId, authorId: post.ownerId, seq: deps.ids.next(), at: deps.clock.now() }, [liked(payload)]);
      return { liked: true, likes: await countFor(viewerId, post) };
    },
    /** Unliking stays possible after losing sight of the post: it only ever removes the viewer's own row. */
    async unlike(viewerId: Id, postId: Id) {
      const { post } = await gate.open(viewerId, postId).catch(async () => ({ post: null }));
      await engagement.unlike(postId, viewerId, [unliked({ postId, authorId: post?.ownerId ?? '0', userId: viewerId })]);
      return { liked: false, likes: post ? await countFor(viewerId, post) : null };
    },
    async likers(viewerId: Id | null, postId: Id, after: string | null, limit: number) {
      const { post } = await gate.open(viewerId, postId);
      if (post.hideLikeCount && viewerId !== post.ownerId) return { ids: [], next: null };
      return engagement.likers(postId, after, limit);
    },
  };
}

export type Likes = ReturnType<typeof createLikes>;
