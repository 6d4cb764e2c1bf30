import type { Clock } from '../../platform/clock.js';
import { type Id, idEpochMs } from '../../platform/ids.js';
import type { AccountDirectory, User } from '../accounts/public.js';
import type { GraphReader } from '../graph/public.js';
import type { Affinity, Counts, EngagementReader, PostCounters, PostLookup, ViewerState } from '../interactions/public.js';
import type { Post } from '../posts/public.js';
import type { TimelineEntry } from './feed.ports.js';
import { type RankCandidate, rankCandidates } from './ranking.js';

export interface FeedItem {
  postId: Id;
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
  clock: Clock;
}

const NO_AFFINITY: Affinity = { likes: 0, comments: 0 };

/**
 * The feed's rules and hydration, each a fixed number of batched round trips for
 * any number of entries. The rules need only the viewer's relations with the
 * authors: an entry stays if it is the reader's own, or its author is followed,
 * not muted and not blocked either way (a followed private account is visible by
 * definition). Ranking needs only counters and affinity, so the ranked mode scores
 * a whole window of entries and loads posts (posts, authors, counts) just for the
 * page it shows; loading drops archived and deleted posts.
 */
export function createFeedItems(deps: FeedItemsDeps) {
  /** The entries the rules keep, and the other authors among them. */
  async function allowed(viewerId: Id, entries: readonly TimelineEntry[]): Promise<{ shown: TimelineEntry[]; others: Id[] }> {
    const authors = new Set<Id>();
    for (const e of entries) if (e.authorId !== viewerId) authors.add(e.authorId);
    const { followed, muted, blocked } = await deps.graph.relationsAmong(viewerId, [...authors]);
    const others: Id[] = [];
    for (const id of authors) if (followed.has(id) && !muted.has(id) && !blocked.has(id)) others.push(id);
    const visible = new Set(others);
    return { shown: entries.filter((e) => e.authorId === viewerId || visible.has(e.authorId)), others };
  }

  /** Posts, authors and counts for entries the rules already allowed; `counters` when ranking just read them. */
  async function load(viewerId: Id, entries: readonly TimelineEntry[], counters?: ReadonlyMap<Id, PostCounters>): Promise<Map<Id, FeedItem>> {
    const [posts, authors] = await Promise.all([
      deps.posts.findManyByIds(entries.map((e) => e.postId)),
      deps.accounts.findManyByIds([...new Set(entries.map((e) => e.authorId))]),
    ]);
    const authorById = new Map(authors.map((u) => [u.id, u]));
    const kept = posts.filter((post) => !post.archivedAt && authorById.has(post.ownerId));
    const counts = await deps.engagement.counts(viewerId, kept, counters);
    return new Map(kept.map((post) => [post.id, { postId: post.id, post, author: authorById.get(post.ownerId)!, counts: counts.get(post.id)! }]));
  }

  return {
    load,
    /** The rules, then loading: what following mode shows of `entries`. */
    async hydrate(viewerId: Id, entries: readonly TimelineEntry[]): Promise<Map<Id, FeedItem>> {
      return load(viewerId, (await allowed(viewerId, entries)).shown);
    },
    /**
     * The allowed entries best first: counters and affinity in two round trips, then the
     * pure ranking. The counters come back too, so loading the page need not read them again.
     */
    async rank(viewerId: Id, entries: readonly TimelineEntry[]): Promise<{ order: TimelineEntry[]; counters: ReadonlyMap<Id, PostCounters> }> {
      const { shown, others } = await allowed(viewerId, entries);
      const [counters, affinity] = await Promise.all([
        deps.engagement.counters(shown.map((e) => e.postId)),
        deps.affinity(viewerId, others),
      ]);
      const candidates = shown.map((e): RankCandidate & { entry: TimelineEntry } => {
        const c = counters.get(e.postId);
        return {
          entry: e, postId: e.postId, authorId: e.authorId, createdAtMs: idEpochMs(e.postId),
          likes: c?.likes ?? 0, comments: c?.comments ?? 0, affinity: affinity.get(e.authorId) ?? NO_AFFINITY,
        };
      });
      return { order: rankCandidates(candidates, deps.clock.now()).map((c) => c.entry), counters };
    },
    /** The viewer's likes and saves among the page's posts: two round trips. */
    viewerState(viewerId: Id, items: readonly FeedItem[]): Promise<ViewerState> {
      return deps.engagement.viewerState(viewerId, items.map((i) => i.postId));
    },
  };
}

export type FeedItems = ReturnType<typeof createFeedItems>;
