import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../auth/session';

/** A heart and its count; the count is null when the author hides it. */
export interface LikeState {
  liked: boolean;
  likes: number | null;
}

/**
 * A like shown at once, for posts and comments alike: the heart and count move on click, the
 * server's answer settles them (`send` also writes it into the cached lists, so the item shows it
 * when drawn again), and a refusal puts back what was there. Until the first click the item
 * itself says what is true. Signed-out people are sent to sign in, then back to the post.
 */
export function useLikeToggle(postId: string, truth: LikeState, send: (on: boolean) => Promise<LikeState>) {
  const me = useMe().data;
  const navigate = useNavigate();
  const [mine, setMine] = useState<LikeState | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { liked, likes } = mine ?? truth;

  async function toggle(on = !liked) {
    if (!me) return navigate(`/accounts/login?next=/p/${postId}`);
    if (on === liked) return;
    setMine({ liked: on, likes: likes === null ? null : Math.max(0, likes + (on ? 1 : -1)) });
    setError(null);
    try {
      setMine(await send(on));
    } catch (failure) {
      setMine(mine);
      setError(failure);
    }
  }
  return { liked, likes, toggle, error };
}
