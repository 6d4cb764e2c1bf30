import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import { useNavigate } from 'react-router';
import { stillSignedInAs, useMe } from '../auth/session';
import type { LikeState, LikeSyncs, SendLike } from './like-sync';

const LikeSyncsContext = createContext<LikeSyncs | null>(null);

/** Holds every heart's requests for the app's lifetime (main.tsx), so all views of a target share them. */
export const LikeSyncsProvider = LikeSyncsContext.Provider;

function useLikeSyncs(): LikeSyncs {
  const syncs = useContext(LikeSyncsContext);
  if (!syncs) throw new Error('useLikeToggle needs a LikeSyncsProvider above it');
  return syncs;
}

interface Heart<Answer> {
  /** What is liked, unique across kinds: `post:<id>`, `comment:<id>`. */
  target: string;
  /** The post to come back to after signing in. */
  postId: string;
  /** What the item itself says (from the cached feed, post or thread). */
  shown: LikeState;
  /** Sends one like or unlike; answers what the server answered. */
  send: (on: boolean) => Promise<Answer>;
  /** Writes an answer into the cached feed, post or thread (so the item shows it when drawn again) and says the heart's state. */
  remember: (answer: Answer) => LikeState;
}

/**
 * A like shown at once, for posts and comments alike: every click moves the heart and count, and
 * LikeSyncs sends them one at a time so the heart ends where the server is (see like-sync.ts).
 * Until someone clicks, the item itself says what is true. Signed-out people are sent to sign in,
 * then back to the post.
 */
export function useLikeToggle<Answer>({ target, postId, shown, send, remember }: Heart<Answer>) {
  const syncs = useLikeSyncs();
  const client = useQueryClient();
  const me = useMe().data;
  const navigate = useNavigate();
  // A heart is one person's: whoever signs in next never sees, or continues, the last one's traffic.
  const key = `${me?.id ?? ''}:${target}`;
  const subscribe = useCallback((listener: () => void) => syncs.subscribe(key, listener), [syncs, key]);
  const view = useSyncExternalStore(subscribe, () => syncs.view(key));
  const { liked, likes } = view ?? shown;

  function toggle(on?: boolean) {
    if (!me) return void navigate(`/accounts/login?next=/p/${postId}`);
    // Read at the click, not at the last render: a second click may come before React draws the first.
    const now = syncs.view(key)?.liked ?? shown.liked;
    const next = on ?? !now;
    if (next !== now) syncs.set(key, next, shown, whileSignedIn(client, me.id, { send, remember }));
  }
  return { liked, likes, toggle, error: view?.error ?? null };
}

/**
 * `send` for as long as `viewer` is signed in. A like waiting its turn goes out after the click,
 * with whatever session cookie is there by then: without this, signing out and in as someone else
 * meanwhile would send it for them. An answer that comes back after the switch is the last
 * person's: it is not written into the caches, which are the next person's by then.
 */
function whileSignedIn<Answer>(client: QueryClient, viewer: string, { send, remember }: Pick<Heart<Answer>, 'send' | 'remember'>): SendLike {
  return async (on) => {
    if (!stillSignedInAs(client, viewer)) throw new Error('You signed out before this like was sent.');
    const answer = await send(on);
    if (!stillSignedInAs(client, viewer)) throw new Error('You signed out before this like was answered.');
    return remember(answer);
  };
}
