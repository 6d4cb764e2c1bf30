import { useEffect } from 'react';
import { Link } from 'react-router';
import { Icon } from '../../ui/Icon';
import { EmptyState } from '../../ui/States';

/** Marks the first paint of the feed for bench/web-app.bench.mjs (performance.getEntriesByName). */
export function markFeedPainted() {
  if (performance.getEntriesByName('pictor:feed-painted').length) return;
  requestAnimationFrame(() => performance.mark('pictor:feed-painted'));
}

/**
 * The home feed. The feed API (helper F, GET /api/v1/feed) is not published in the contract
 * yet; until it is, the page invites people to follow and post.
 */
export default function HomeFeedPage() {
  useEffect(markFeedPainted, []);
  return (
    <div className="page page-feed">
      <EmptyState icon={<Icon name="home" size={48} strokeWidth={1.2} />} title="Welcome to Pictor">
        <p>Photos from the people you follow will appear here.</p>
        <p>
          <Link to="/create">Share a photo</Link>
        </p>
      </EmptyState>
    </div>
  );
}
