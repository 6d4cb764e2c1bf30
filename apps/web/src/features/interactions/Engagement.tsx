import type { PostWithEngagement } from '@pictor/contract';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorText } from '../../api/client';
import { ErrorNote } from '../../ui/ErrorNote';
import { Icon } from '../../ui/Icon';
import { useMe } from '../auth/session';
import { PostCard } from '../posts/PostCard';
import { like, patchCachedPost, save } from './api';
import { Comments } from './Comments';
import { LikersSheet } from './LikersSheet';
import { ShareButton } from './ShareButton';

interface Props {
  /** Every answer that shows a post to read (feed, saved, GET /posts/{id}) carries its engagement. */
  post: PostWithEngagement;
  eager?: boolean;
  /** The post page shows the comment threads; the feed links to them. */
  expanded?: boolean;
}

/** A post with like (heart or double tap, optimistic), comment, save, share and who liked. */
export function Engagement({ post, eager, expanded }: Props) {
  const me = useMe().data;
  const navigate = useNavigate();
  const client = useQueryClient();
  // Local state holds the optimistic answer; until the first click the post says what is true.
  const [liked, setLiked] = useState<boolean | null>(null);
  const [likes, setLikes] = useState<number | null | undefined>(undefined);
  const [saved, setSaved] = useState(post.viewerHasSaved);
  const [burst, setBurst] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [showLikers, setShowLikers] = useState(false);
  const isLiked = liked ?? post.viewerHasLiked;
  const count = likes !== undefined ? likes : post.likes;

  async function toggleLike(on = !isLiked) {
    if (!me) return navigate(`/accounts/login?next=/p/${post.id}`);
    if (on === isLiked) return;
    const before = { liked: isLiked, likes: count };
    setLiked(on);
    setLikes(count === null ? null : count + (on ? 1 : -1));
    setError(null);
    try {
      const result = await like(post.id, on);
      setLiked(result.liked);
      setLikes(result.likes);
      patchCachedPost(client, post.id, { viewerHasLiked: result.liked, likes: result.likes });
    } catch (failure) {
      setLiked(before.liked);
      setLikes(before.likes);
      setError(failure);
    }
  }
  async function toggleSave() {
    if (!me) return navigate(`/accounts/login?next=/p/${post.id}`);
    const on = !saved;
    setSaved(on);
    try {
      const { saved: now } = await save(post.id, on);
      setSaved(now);
      patchCachedPost(client, post.id, { viewerHasSaved: now });
      void client.invalidateQueries({ queryKey: ['posts', 'saved'] });
    } catch (failure) {
      setSaved(!on);
      setError(failure);
    }
  }
  function doubleTap() {
    setBurst((n) => n + 1);
    void toggleLike(true);
  }

  const actions = (
    <>
      <div className="post-actions">
        <button type="button" className={isLiked ? 'icon-btn liked' : 'icon-btn'} aria-label={isLiked ? 'Unlike' : 'Like'} aria-pressed={isLiked} onClick={() => void toggleLike()}>
          <Icon name="heart" filled={isLiked} />
        </button>
        <Link to={`/p/${post.id}#comments`} className="icon-btn" aria-label="Comment">
          <Icon name="comment" />
        </Link>
        <ShareButton post={post} />
        <span className="spacer" />
        <button type="button" className="icon-btn" aria-label={saved ? 'Remove from saved' : 'Save'} aria-pressed={saved} onClick={() => void toggleSave()}>
          <Icon name="bookmark" filled={saved} />
        </button>
      </div>
      {count !== null && count > 0 ? (
        <button type="button" className="likes-line" onClick={() => setShowLikers(true)}>
          {count.toLocaleString()} {count === 1 ? 'like' : 'likes'}
        </button>
      ) : null}
      {error ? <ErrorNote>{errorText(error)}</ErrorNote> : null}
    </>
  );
  return (
    <PostCard post={post} eager={eager} actions={actions} onDoubleTap={doubleTap} burst={burst}>
      {expanded ? (
        <Comments post={post} />
      ) : post.comments > 0 ? (
        <Link to={`/p/${post.id}`} className="muted">
          {post.comments === 1 ? 'View 1 comment' : `View all ${post.comments.toLocaleString()} comments`}
        </Link>
      ) : null}
      <LikersSheet postId={post.id} open={showLikers} onClose={() => setShowLikers(false)} />
    </PostCard>
  );
}
