import type { Comment as CommentView } from '@pictor/contract';
import type { Id } from '../../platform/ids.js';
import type { MediaUrl } from '../../platform/media-url.js';
import { type AccountDirectory, userSummaryView } from '../accounts/public.js';
import type { CommentStore } from './interactions.ports.js';
import type { Comment } from './interactions.types.js';

/** Comments in the API shape: two round trips for the page (writers, the viewer's likes). */
export async function commentViews(
  viewerId: Id | null, comments: readonly Comment[], deps: { accounts: AccountDirectory; comments: CommentStore; mediaUrl: MediaUrl },
): Promise<CommentView[]> {
  const ids = comments.map((c) => c.id);
  const [writers, liked] = await Promise.all([
    deps.accounts.findManyByIds([...new Set(comments.map((c) => c.authorId))]),
    viewerId ? deps.comments.likedAmong(viewerId, ids) : Promise.resolve(new Set<Id>()),
  ]);
  const byId = new Map(writers.map((u) => [u.id, u]));
  return comments.flatMap((c) => {
    const writer = byId.get(c.authorId);
    if (!writer) return [];
    return [{
      id: c.id, postId: c.postId, parentId: c.parentId, author: userSummaryView(writer, deps.mediaUrl), text: c.text,
      mentions: c.mentions, likes: c.likes, replies: c.replies, viewerHasLiked: liked.has(c.id), createdAt: c.createdAt.toISOString(),
    }];
  });
}
