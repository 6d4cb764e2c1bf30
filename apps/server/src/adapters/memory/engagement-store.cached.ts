import type { Affinity, EngagementStore } from '../../modules/interactions/public.js';
import { createViewerCache, type ViewerCacheOptions } from './viewer-cache.js';

/**
 * Keeps the affinity signal (a viewer's likes and comments per author, read by every
 * ranked feed page) per viewer in memory. It is a ranking signal, not a count anyone
 * sees: the viewer's own likes and unlikes through this wrapper are seen at once;
 * comments, which another store writes, move it within `ttlMs`.
 */
export function withAffinityCache(store: EngagementStore, options: ViewerCacheOptions): EngagementStore {
  const cache = createViewerCache<Affinity>(options);
  return {
    ...store,
    affinity: (viewerId, authorIds) => cache.among(viewerId, authorIds, (missing) => store.affinity(viewerId, missing)),
    like: (like, events) => cache.writing([like.userId], () => store.like(like, events)),
    unlike: (postId, userId, events) => cache.writing([userId], () => store.unlike(postId, userId, events)),
  };
}
