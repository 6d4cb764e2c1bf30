import type { PostWithEngagement } from '@pictor/contract';
import type { Clock } from '../../platform/clock.js';
import type { Id } from '../../platform/ids.js';
import type { MediaUrl } from '../../platform/media-url.js';
import type { User } from '../accounts/public.js';
import type { GraphReader } from '../graph/public.js';
import { type EngagementReader, type PostGate, type PresentPost, withEngagement, type Affinity, type Engagement } from '../interactions/public.js';
import type { Post } from '../posts/public.js';
import type { TimelineEntry } from './feed.ports.js';
import { type RankCandidate, rankCandidates } from './ranking.js';

export interface FeedItem extends RankCandidate {
  post: Post;
  author: User;
  engagement: Engagement;
}

export interface FeedItemsDeps {
  gate: PostGate;
  graph: GraphReader;
  engagement: EngagementReader;
  affinity: (viewerId: Id, authorIds: readonly Id[]) => Promise<Map<Id, Affinity>>;
  present: PresentPost;
  mediaUrl: MediaUrl;
  clock: Clock;
}

/**
 * Hydration and the feed's rules, in a fixed number of batched round trips for any
 * number of entries: posts, authors, blocks and privacy (the gate), follows and
 * mutes, counters, the viewer's likes and saves, and for ranking the affinity.
 * A post stays only if it is not archived or deleted, and it is the reader's own
 * or its author is followed, not muted and not blocked either way.
 */
export function createFeedItems(deps: FeedItemsDeps) {
  return {
    async hydrate(viewerId: Id, entries: readonly TimelineEntry[], withAffinity: boolean): Promise<Map<Id, FeedItem>> {
      const authorIds = [...new Set(entries.map((e) => e.authorId))].filter((id) => id !== viewerId);
      const [shown, followed, muted, affinity] = await Promise.all([
        deps.gate.openMany(viewerId, entries.map((e) => e.postId)),
        deps.graph.followedAmong(viewerId, authorIds),
        deps.graph.mutedAmong(viewerId, authorIds),
        withAffinity ? deps.affinity(viewerId, authorIds) : Promise.resolve(new Map<Id, Affinity>()),
      ]);
      const kept = shown.filter(({ post, author }) => !post.archivedAt && (author.id === viewerId || (followed.has(author.id) && !muted.has(author.id))));
      const engagement = await deps.engagement.forPosts(viewerId, kept.map((s) => s.post));
      const items = new Map<Id, FeedItem>();
      for (const { post, author } of kept) {
        const e = engagement.get(post.id)!;
        items.set(post.id, {
          post, author, engagement: e, postId: post.id, authorId: author.id, createdAt: post.createdAt,
          likes: e.likes ?? 0, comments: e.comments, affinity: affinity.get(author.id) ?? { likes: 0, comments: 0 },
        });
      }
      return items;
    },
    rank(items: readonly FeedItem[]): FeedItem[] {
      return rankCandidates(items, deps.clock.now());
    },
    present(items: readonly FeedItem[]): PostWithEngagement[] {
      return items.map((i) => withEngagement(deps.present(i.post, i.author, deps.mediaUrl), i.post, i.author, i.engagement));
    },
  };
}

export type FeedItems = ReturnType<typeof createFeedItems>;
