import type { Comment } from '@pictor/contract';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Icon } from '../../ui/Icon';
import { useMe } from '../auth/session';
import { likeComment } from './api';

/**
 * A comment's like, optimistic: the heart and count change at once, the server's answer
 * settles them, and a refusal puts them back. Signed-out people are sent to sign in.
 */
export function useCommentLike(postId: string, comment: Comment) {
  const me = useMe().data;
  const navigate = useNavigate();
  const [state, setState] = useState<{ liked: boolean; likes: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const liked = state?.liked ?? comment.viewerHasLiked;
  const likes = state?.likes ?? comment.likes;

  async function toggle() {
    if (!me) return navigate(`/accounts/login?next=/p/${postId}`);
    const before = { liked, likes };
    const on = !liked;
    setState({ liked: on, likes: Math.max(0, likes + (on ? 1 : -1)) });
    setError(null);
    try {
      const answer = await likeComment(postId, comment.id, on);
      setState({ liked: answer.viewerHasLiked, likes: answer.likes });
    } catch (failure) {
      setState(before);
      setError(failure);
    }
  }
  return { liked, likes, toggle, error };
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
