import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../auth/session';
import type { LikeState, LikeSyncs, SendLike } from './like-sync';

const LikeSyncsContext = createContext<LikeSyncs | null>(null);

/** Holds every heart's requests for the app's lifetime (main.tsx), so all views of a target share them. */
export const LikeSyncsProvider = LikeSyncsContext.Provider;

function useLikeSyncs(): LikeSyncs {
  const syncs = useContext(LikeSyncsContext);
  if (!syncs) throw new Error('useLikeToggle needs a LikeSyncsProvider above it');
  return syncs;
}

interface Heart {
  /** What is liked, unique across kinds: `post:<id>`, `comment:<id>`. */
  target: string;
  /** The post to come back to after signing in. */
  postId: string;
  /** What the item itself says (from the cached feed, post or thread). */
  shown: LikeState;
  /** Sends one like or unlike and answers the server's state; it also writes it into the caches. */
  send: SendLike;
}

/**
 * A like shown at once, for posts and comments alike: every click moves the heart and count, and
 * LikeSyncs sends them one at a time so the heart ends where the server is (see like-sync.ts).
 * Until someone clicks, the item itself says what is true. Signed-out people are sent to sign in,
 * then back to the post.
 */
export function useLikeToggle({ target, postId, shown, send }: Heart) {
  const syncs = useLikeSyncs();
  const me = useMe().data;
  const navigate = useNavigate();
  const subscribe = useCallback((listener: () => void) => syncs.subscribe(target, listener), [syncs, target]);
  const view = useSyncExternalStore(subscribe, () => syncs.view(target));
  const { liked, likes } = view ?? shown;

  function toggle(on?: boolean) {
    if (!me) return void navigate(`/accounts/login?next=/p/${postId}`);
    // Read at the click, not at the last render: a second click may come before React draws the first.
    const now = syncs.view(target)?.liked ?? shown.liked;
    const next = on ?? !now;
    if (next !== now) syncs.set(target, next, shown, send);
  }
  return { liked, likes, toggle, error: view?.error ?? null };
}
