import type { FeedPage } from '@pictor/contract';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useCursorPages } from '../../api/pages';
import { Icon } from '../../ui/Icon';
import { LoadMore } from '../../ui/LoadMore';
import { EmptyState, ErrorState, Spinner } from '../../ui/States';
import { Engagement } from '../interactions/Engagement';

type Mode = 'ranked' | 'following';

/** Marks the first paint of the feed for bench/web-app.bench.mjs (performance.getEntriesByName). */
function markFeedPainted() {
  if (performance.getEntriesByName('pictor:feed-painted').length) return;
  requestAnimationFrame(() => performance.mark('pictor:feed-painted'));
}

export default function HomeFeedPage() {
  // Whatever else is stored (an old value, a hand edit) would be refused by the API: start ranked.
  const [mode, setMode] = useState<Mode>(() => (localStorage.getItem('pictor:feed-mode') === 'following' ? 'following' : 'ranked'));
  const feed = useCursorPages<FeedPage>(['feed', mode], '/feed', { mode, limit: 10 });
  useEffect(() => {
    if (feed.isSuccess) markFeedPainted();
  }, [feed.isSuccess]);
  const choose = (next: Mode) => {
    localStorage.setItem('pictor:feed-mode', next);
    setMode(next);
  };
  const posts = feed.data?.pages.flatMap((p) => p.posts) ?? [];
  return (
    <div className="page page-feed">
      <h1 className="visually-hidden">Home</h1>
      <fieldset className="feed-switch">
        <legend className="visually-hidden">Feed order</legend>
        <button type="button" className={mode === 'ranked' ? 'chip on' : 'chip'} aria-pressed={mode === 'ranked'} onClick={() => choose('ranked')}>
          For you
        </button>
        <button type="button" className={mode === 'following' ? 'chip on' : 'chip'} aria-pressed={mode === 'following'} onClick={() => choose('following')}>
          Following
        </button>
      </fieldset>
      {feed.isPending ? (
        <Spinner />
      ) : feed.isLoadingError ? (
        <ErrorState error={feed.error} retry={() => feed.refetch()} />
      ) : posts.length === 0 ? (
        <EmptyState icon={<Icon name="home" size={48} strokeWidth={1.2} />} title="Welcome to Pictor">
          <p>Follow people to see their photos here, or share your own.</p>
          <p>
            <Link to="/create">Share a photo</Link>
          </p>
        </EmptyState>
      ) : (
        <>
          {posts.map((post, i) => (
            <Engagement key={post.id} post={post} eager={i === 0} />
          ))}
          <LoadMore query={feed} ahead={1600} />
          {!feed.hasNextPage ? <p className="muted feed-end">You're all caught up.</p> : null}
        </>
      )}
    </div>
  );
}
