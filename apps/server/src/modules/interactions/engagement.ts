import type { PostWithEngagement } from '@pictor/contract';
import type { Id } from '../../platform/ids.js';
import type { MediaUrl } from '../../platform/media-url.js';
import type { User } from '../accounts/public.js';
import type { Post } from '../posts/public.js';
import type { EngagementStore, SaveStore } from './interactions.ports.js';
import type { Engagement } from './interactions.types.js';

export type PresentPost = (post: Post, author: User, mediaUrl: MediaUrl) => Omit<PostWithEngagement, 'userId' | 'username' | 'likes' | 'comments' | 'viewerHasLiked' | 'viewerHasSaved' | 'timestamp'>;

/**
 * Engagement for a batch of posts in three round trips whatever the batch size:
 * counters, the viewer's likes, the viewer's saves. Like counts hidden by the
 * author read as null to everyone but the author.
 */
export function createEngagementReader(deps: { engagement: EngagementStore; saves: SaveStore }) {
  async function forPosts(viewerId: Id | null, posts: readonly Post[]): Promise<Map<Id, Engagement>> {
    const ids = posts.map((p) => p.id);
    const [counters, liked, saved] = await Promise.all([
      deps.engagement.counters(ids),
      viewerId ? deps.engagement.likedAmong(viewerId, ids) : Promise.resolve(new Set<Id>()),
      viewerId ? deps.saves.savedAmong(viewerId, ids) : Promise.resolve(new Set<Id>()),
    ]);
    const result = new Map<Id, Engagement>();
    for (const post of posts) {
      const c = counters.get(post.id) ?? { likes: 0, comments: 0 };
      result.set(post.id, {
        likes: post.hideLikeCount && viewerId !== post.ownerId ? null : c.likes,
        comments: c.comments,
        viewerHasLiked: liked.has(post.id),
        viewerHasSaved: saved.has(post.id),
      });
    }
    return result;
  }
  return {
    forPosts,
    /** The API shape of each post with its engagement, in the order given. */
    async present(viewerId: Id | null, shown: readonly { post: Post; author: User }[], present: PresentPost, mediaUrl: MediaUrl): Promise<PostWithEngagement[]> {
      const engagement = await forPosts(viewerId, shown.map((s) => s.post));
      return shown.map(({ post, author }) => withEngagement(present(post, author, mediaUrl), post, author, engagement.get(post.id)!));
    },
  };
}

export function withEngagement(view: ReturnType<PresentPost>, post: Post, author: User, e: Engagement): PostWithEngagement {
  return { ...view, userId: author.id, username: author.username, ...e, timestamp: post.createdAt.toISOString() };
}

export type EngagementReader = ReturnType<typeof createEngagementReader>;
