import type { Comment } from '@pictor/contract';
import { useQueryClient } from '@tanstack/react-query';
import { Icon } from '../../ui/Icon';
import { likeComment, patchCachedComment } from './api';
import { useLikeToggle } from './like-toggle';

/** A comment's like, optimistic and one request at a time; the cached thread learns each answer, so reopening it shows the heart. */
export function useCommentLike(postId: string, comment: Comment) {
  const client = useQueryClient();
  return useLikeToggle({
    target: `comment:${comment.id}`,
    postId,
    shown: { liked: comment.viewerHasLiked, likes: comment.likes },
    send: (on) => likeComment(postId, comment.id, on),
    remember: (answer) => {
      patchCachedComment(client, postId, answer);
      return { liked: answer.viewerHasLiked, likes: answer.likes };
    },
  });
}

export function CommentLikeButton({ author, liked, onToggle }: { author: string; liked: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      className={liked ? 'comment-like liked' : 'comment-like'}
      aria-label={`Like comment by ${author}`}
      aria-pressed={liked}
      onClick={onToggle}
    >
      <Icon name="heart" size={14} filled={liked} strokeWidth={2} />
    </button>
  );
}
