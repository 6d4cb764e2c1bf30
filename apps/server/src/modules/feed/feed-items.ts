import type { PostWithEngagement } from '@pictor/contract';
import type { Clock } from '../../platform/clock.js';
import type { Id } from '../../platform/ids.js';
import type { MediaUrl } from '../../platform/media-url.js';
import type { AccountDirectory, User } from '../accounts/public.js';
import type { GraphReader } from '../graph/public.js';
import { type Affinity, type Counts, type EngagementReader, type PostLookup, type PresentPost, withEngagement } from '../interactions/public.js';
import type { Post } from '../posts/public.js';
import type { TimelineEntry } from './feed.ports.js';
import { type RankCandidate, rankCandidates } from './ranking.js';

export interface FeedItem extends RankCandidate {
  post: Post;
  author: User;
  counts: Counts;
}

export interface FeedItemsDeps {
  posts: PostLookup;
  accounts: AccountDirectory;
  graph: GraphReader;
  engagement: EngagementReader;
  affinity: (viewerId: Id, authorIds: readonly Id[]) => Promise<Map<Id, Affinity>>;
  present: PresentPost;
  mediaUrl: MediaUrl;
  clock: Clock;
}

const NO_AFFINITY: Affinity = { likes: 0, comments: 0 };

/**
 * Hydration and the feed's rules, in a fixed number of batched round trips for any
 * number of entries: posts, authors, the viewer's follows/mutes/blocks with them,
 * counters, and for ranking the affinity. The viewer's likes and saves are read
 * only for the posts a page finally shows. A post stays only if it is not archived
 * or deleted, and it is the reader's own or its author is followed, not muted and
 * not blocked either way (a followed private account is visible by definition).
 */
export function createFeedItems(deps: FeedItemsDeps) {
  // Presenting a post is pure in (post, author); stores hand out the same objects
  // until a record changes, so a view is reused for as long as both stay the same.
  const views = new WeakMap<Post, { author: User; view: ReturnType<PresentPost> }>();
  function viewOf(post: Post, author: User) {
    const memo = views.get(post);
    if (memo && memo.author === author) return memo.view;
    const view = deps.present(post, author, deps.mediaUrl);
    views.set(post, { author, view });
    return view;
  }

  return {
    async hydrate(viewerId: Id, entries: readonly TimelineEntry[], withAffinity: boolean): Promise<Map<Id, FeedItem>> {
      const authorIds = [...new Set(entries.map((e) => e.authorId))];
      const others = authorIds.filter((id) => id !== viewerId);
      const [posts, authors, relations, affinity] = await Promise.all([
        deps.posts.findManyByIds(entries.map((e) => e.postId)),
        deps.accounts.findManyByIds(authorIds),
        deps.graph.relationsAmong(viewerId, others),
        withAffinity ? deps.affinity(viewerId, others) : Promise.resolve(new Map<Id, Affinity>()),
      ]);
      const authorById = new Map(authors.map((u) => [u.id, u]));
      const allowed = (authorId: Id) =>
        authorId === viewerId || (relations.followed.has(authorId) && !relations.muted.has(authorId) && !relations.blocked.has(authorId));
      const kept = posts.filter((post) => !post.archivedAt && authorById.has(post.ownerId) && allowed(post.ownerId));
      const counts = await deps.engagement.counts(viewerId, kept);
      const items = new Map<Id, FeedItem>();
      for (const post of kept) {
        const c = counts.get(post.id)!;
        items.set(post.id, {
          post, author: authorById.get(post.ownerId)!, counts: c, postId: post.id, authorId: post.ownerId, createdAt: post.createdAt,
          likes: c.likes ?? 0, comments: c.comments, affinity: affinity.get(post.ownerId) ?? NO_AFFINITY,
        });
      }
      return items;
    },
    rank(items: readonly FeedItem[]): FeedItem[] {
      return rankCandidates(items, deps.clock.now());
    },
    /** The API shape of a page: two round trips (the viewer's likes and saves among these posts). */
    async present(viewerId: Id, items: readonly FeedItem[]): Promise<PostWithEngagement[]> {
      const state = await deps.engagement.viewerState(viewerId, items.map((i) => i.postId));
      return items.map((i) => withEngagement(viewOf(i.post, i.author), i.post, i.author, {
        likes: i.counts.likes, comments: i.counts.comments, viewerHasLiked: state.liked.has(i.postId), viewerHasSaved: state.saved.has(i.postId),
      }));
    },
  };
}

export type FeedItems = ReturnType<typeof createFeedItems>;
