import type { PostWithEngagement } from '@pictor/contract';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorText } from '../../api/client';
import { ErrorNote } from '../../ui/ErrorNote';
import { Icon } from '../../ui/Icon';
import { stillSignedInAs, useMe } from '../auth/session';
import { patchCachedPost } from '../posts/api';
import { PostCard } from '../posts/PostCard';
import { like, save } from './api';
import { Comments } from './Comments';
import { LikersSheet } from './LikersSheet';
import { useLikeToggle } from './like-toggle';
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
  const heart = useLikeToggle({
    target: `post:${post.id}`,
    postId: post.id,
    shown: { liked: post.viewerHasLiked, likes: post.likes },
    send: (on) => like(post.id, on),
    remember: (answer) => {
      patchCachedPost(client, post.id, { viewerHasLiked: answer.liked, likes: answer.likes });
      // Who liked it changed too: the likers sheet asks again when next opened.
      void client.invalidateQueries({ queryKey: ['likers', post.id] });
      return answer;
    },
  });
  // The optimistic save, until the post itself (patched once the server answers) says it.
  const [saved, setSaved] = useState<boolean | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [burst, setBurst] = useState(0);
  const [showLikers, setShowLikers] = useState(false);
  const isSaved = saved ?? post.viewerHasSaved;
  const error = heart.error ?? saveError;

  async function toggleSave() {
    if (!me) return navigate(`/accounts/login?next=/p/${post.id}`);
    const on = !isSaved;
    setSaved(on);
    setSaveError(null);
    try {
      const { saved: now } = await save(post.id, on);
      if (!stillSignedInAs(client, me.id)) return; // the answer is the last person's (auth/session.ts)
      setSaved(now);
      patchCachedPost(client, post.id, { viewerHasSaved: now });
      void client.invalidateQueries({ queryKey: ['posts', 'saved'] });
    } catch (failure) {
      setSaved(saved);
      setSaveError(failure);
    }
  }
  function doubleTap() {
    setBurst((n) => n + 1);
    heart.toggle(true);
  }

  const actions = (
    <>
      <div className="post-actions">
        <button type="button" className={heart.liked ? 'icon-btn liked' : 'icon-btn'} aria-label={heart.liked ? 'Unlike' : 'Like'} aria-pressed={heart.liked} onClick={() => heart.toggle()}>
          <Icon name="heart" filled={heart.liked} />
        </button>
        <Link to={`/p/${post.id}#comments`} className="icon-btn" aria-label="Comment">
          <Icon name="comment" />
        </Link>
        <ShareButton post={post} />
        <span className="spacer" />
        <button type="button" className="icon-btn" aria-label={isSaved ? 'Remove from saved' : 'Save'} aria-pressed={isSaved} onClick={() => void toggleSave()}>
          <Icon name="bookmark" filled={isSaved} />
        </button>
      </div>
      {heart.likes ? (
        <button type="button" className="likes-line" onClick={() => setShowLikers(true)}>
          {heart.likes.toLocaleString()} {heart.likes === 1 ? 'like' : 'likes'}
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
