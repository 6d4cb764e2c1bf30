import type { Id } from '../../platform/ids.js';
import type { Post } from '../posts/public.js';
import type { EngagementStore, SaveStore } from './interactions.ports.js';
import type { Engagement, PostCounters } from './interactions.types.js';

export type Counts = Pick<Engagement, 'likes' | 'comments'>;
export interface ViewerState {
  liked: Set<Id>;
  saved: Set<Id>;
}

/**
 * Engagement for a batch of posts in three round trips whatever the batch size:
 * counters, the viewer's likes, the viewer's saves. Like counts hidden by the
 * author read as null to everyone but the author. The two halves are also
 * offered apart, for readers (the ranked feed) that score more posts than they show.
 */
export function createEngagementReader(deps: { engagement: EngagementStore; saves: SaveStore }) {
  /** `known`: counters the caller already read for these posts this request (the ranked feed scored them). */
  async function counts(viewerId: Id | null, posts: readonly Post[], known?: ReadonlyMap<Id, PostCounters>): Promise<Map<Id, Counts>> {
    const counters = known ?? (await deps.engagement.counters(posts.map((p) => p.id)));
    const result = new Map<Id, Counts>();
    for (const post of posts) {
      const c = counters.get(post.id) ?? { likes: 0, comments: 0 };
      result.set(post.id, { likes: post.hideLikeCount && viewerId !== post.ownerId ? null : c.likes, comments: c.comments });
    }
    return result;
  }
  async function viewerState(viewerId: Id | null, postIds: readonly Id[]): Promise<ViewerState> {
    if (!viewerId || postIds.length === 0) return { liked: new Set(), saved: new Set() };
    const [liked, saved] = await Promise.all([deps.engagement.likedAmong(viewerId, postIds), deps.saves.savedAmong(viewerId, postIds)]);
    return { liked, saved };
  }
  async function forPosts(viewerId: Id | null, posts: readonly Post[]): Promise<Map<Id, Engagement>> {
    const [counted, state] = await Promise.all([counts(viewerId, posts), viewerState(viewerId, posts.map((p) => p.id))]);
    const result = new Map<Id, Engagement>();
    for (const post of posts) {
      const c = counted.get(post.id)!;
      result.set(post.id, { likes: c.likes, comments: c.comments, viewerHasLiked: state.liked.has(post.id), viewerHasSaved: state.saved.has(post.id) });
    }
    return result;
  }
  return {
    /** Raw counters by post id, hidden like counts included: for ranking, never for display. */
    counters: (postIds: readonly Id[]) => deps.engagement.counters(postIds),
    counts,
    viewerState,
    forPosts,
  };
}

export type EngagementReader = ReturnType<typeof createEngagementReader>;
