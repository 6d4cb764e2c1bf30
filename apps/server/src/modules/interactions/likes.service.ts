import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { Id, IdGenerator } from '../../platform/ids.js';
import { liked, unliked } from './interactions.events.js';
import type { EngagementStore } from './interactions.ports.js';
import { postNotFound } from './interactions.errors.js';
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
      if (!(await gate.stillExists(postId))) {
        await engagement.unlike(postId, viewerId, () => [unliked(payload)]);
        throw postNotFound();
      }
      return { liked: true, likes: await countFor(viewerId, post) };
    },
    /**
     * Unliking stays possible after losing sight of the post: it only ever removes the
     * viewer's own row. The count comes back only to someone who may still see the post.
     */
    async unlike(viewerId: Id, postId: Id) {
      await engagement.unlike(postId, viewerId, (authorId) => [unliked({ postId, authorId, userId: viewerId })]);
      const shown = await gate.open(viewerId, postId).catch((error: unknown) => {
        if (error instanceof AppError && error.status === 404) return null;
        throw error;
      });
      return { liked: false, likes: shown ? await countFor(viewerId, shown.post) : null };
    },
    async likers(viewerId: Id | null, postId: Id, after: string | null, limit: number) {
      const { post } = await gate.open(viewerId, postId);
      if (post.hideLikeCount && viewerId !== post.ownerId) return { ids: [], next: null };
      return engagement.likers(postId, after, limit);
    },
  };
}

export type Likes = ReturnType<typeof createLikes>;
