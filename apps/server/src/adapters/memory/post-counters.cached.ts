import type { CommentStore, EngagementStore, PostCounters } from '../../modules/interactions/public.js';
import type { InlineCodec } from './generational-cache.js';
import { createIdCache, type IdCacheOptions } from './id-cache.js';

/** Two numbers a post: kept inside the cache's slots, not as sixty objects around the heap a ranked page. */
const INLINE_COUNTERS: InlineCodec<PostCounters> = {
  width: 2,
  write(counters, cells, at) {
    cells[at] = counters.likes;
    cells[at + 1] = counters.comments;
  },
  read: (cells, at) => ({ likes: cells[at]!, comments: cells[at + 1]! }),
};

/**
 * The embedded profile's hot counters (Redis holds them at scale): each post's like
 * and comment counts, read for every post of every feed page and for the whole
 * window a ranked page scores, kept in memory, zeros included. Likes live in the
 * engagement store and comments in the comment store, and both move a post's
 * counters, so one cache wraps both: a like, unlike, comment or comment removal
 * through them forgets its post before and after the write, so this process reads
 * its own writes at once; writes whose posts are not known by id (an account
 * forgotten, a rebuild) forget every post; another process's writes (the
 * rebuild-counters command, a split worker) show within `ttlMs`.
 */
export function createPostCounterCache(options: IdCacheOptions) {
  const cache = createIdCache<PostCounters>({ ...options, inline: INLINE_COUNTERS });

  return {
    engagement(store: EngagementStore): EngagementStore {
      return {
        ...store,
        // The store answers every id asked, zeros included: each is kept, zeros too.
        counters: (postIds) => cache.byId(postIds, store.counters),
        like: (like, events) => cache.writing(like.postId, () => store.like(like, events)),
        unlike: (postId, userId, events) => cache.writing(postId, () => store.unlike(postId, userId, events)),
        forgetPost: (postId) => cache.writing(postId, () => store.forgetPost(postId)),
        forgetUser: (userId) => cache.writingAll(() => store.forgetUser(userId)),
        rebuildCounters: () => cache.writingAll(() => store.rebuildCounters()),
      };
    },

    comments(store: CommentStore): CommentStore {
      return {
        ...store,
        add: (comment, events) => cache.writing(comment.postId, () => store.add(comment, events)),
        async remove(id, events) {
          const comment = await store.findById(id);
          if (!comment) return store.remove(id, events);
          return cache.writing(comment.postId, () => store.remove(id, events));
        },
      };
    },
  };
}
