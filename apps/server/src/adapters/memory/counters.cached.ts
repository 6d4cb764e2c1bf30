import type { CommentStore, EngagementStore, PostCounters } from '../../modules/interactions/public.js';
import type { Id } from '../../platform/ids.js';
import { createIdCache, type IdCacheOptions } from './id-cache.js';

interface Cached {
  postId: Id;
  counters: PostCounters;
}

/**
 * Hot post counters in memory, in front of the stores that move them: every feed
 * page reads the counters of 20 to 60 posts. A like, unlike, comment or comment
 * removal through these wrappers forgets that post's counters first, so this
 * process always shows exact counts; counts changed by another process are seen
 * within `ttlMs`. The like and comment rows stay the truth in the store.
 */
export function withCounterCache(stores: { engagement: EngagementStore; comments: CommentStore }, options: IdCacheOptions) {
  const { engagement, comments } = stores;
  const cache = createIdCache<Cached>(options);
  const engagementCached: EngagementStore = {
    ...engagement,
    async counters(postIds) {
      const found = await cache.many(postIds, async (missing) => {
        const loaded = await engagement.counters(missing);
        return missing.map((postId) => ({ postId, counters: loaded.get(postId) ?? { likes: 0, comments: 0 } }));
      }, (entry) => entry.postId);
      return new Map(found.map((entry) => [entry.postId, entry.counters]));
    },
    like: (like, events) => cache.writing(like.postId, () => engagement.like(like, events)),
    unlike: (postId, userId, events) => cache.writing(postId, () => engagement.unlike(postId, userId, events)),
    forgetPost: (postId) => cache.writing(postId, () => engagement.forgetPost(postId)),
    async rebuildCounters() {
      cache.clear();
      try {
        return await engagement.rebuildCounters();
      } finally {
        cache.clear();
      }
    },
  };
  const commentsCached: CommentStore = {
    ...comments,
    add: (comment, events) => cache.writing(comment.postId, () => comments.add(comment, events)),
    async remove(id, events) {
      const comment = await comments.findById(id);
      if (!comment) return comments.remove(id, events);
      return cache.writing(comment.postId, () => comments.remove(id, events));
    },
  };
  return { engagement: engagementCached, comments: commentsCached };
}
