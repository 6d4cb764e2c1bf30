import type { PostWithEngagement } from '@pictor/contract';
import type { Id } from '../../platform/ids.js';
import type { MediaUrl } from '../../platform/media-url.js';
import type { User } from '../accounts/public.js';
import type { EngagementSource, PostEngagement } from './posts.ports.js';
import type { Post } from './posts.types.js';
import { postView, withEngagement } from './posts.views.js';

const NONE: PostEngagement = { likes: 0, comments: 0, viewerHasLiked: false, viewerHasSaved: false };

/** Posts as every read route but the feed answers them (the feed renders its own body): the post, the seed 001 fields and the viewer's engagement, batched. */
export function createEngagedViews(engagement: EngagementSource, mediaUrl: MediaUrl) {
  return async function present(viewerId: Id | null, items: readonly { post: Post; author: User }[]): Promise<PostWithEngagement[]> {
    const found = await engagement.forPosts(viewerId, items.map((item) => item.post));
    return items.map(({ post, author }) => withEngagement(postView(post, author, mediaUrl), author, found.get(post.id) ?? NONE));
  };
}

export type EngagedViews = ReturnType<typeof createEngagedViews>;
