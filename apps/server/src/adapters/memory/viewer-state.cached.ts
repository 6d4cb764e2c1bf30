import type { EngagementStore, SaveStore } from '../../modules/interactions/public.js';
import type { Id } from '../../platform/ids.js';
import { createViewerCache, type ViewerCache, type ViewerCacheOptions } from './viewer-cache.js';

/** Answers `among` from a cache of yes/no per post, asking the store only about the rest. */
async function amongCached(cache: ViewerCache<boolean>, viewerId: Id, postIds: readonly Id[], load: (missing: Id[]) => Promise<Set<Id>>): Promise<Set<Id>> {
  const result = new Set<Id>();
  await cache.each(viewerId, postIds, async (missing) => {
    const yes = await load(missing);
    return new Map(missing.map((id) => [id, yes.has(id)]));
  }, (id, yes) => {
    if (yes) result.add(id);
  });
  return result;
}

/**
 * Keeps which posts a viewer likes, asked for every post of every page they see,
 * per viewer in memory. Only the viewer's own like or unlike changes their answer,
 * and it forgets them around the write; a post forgotten forgets every viewer's answer about it.
 * Exact only where every like passes through it, so the composition root keeps it
 * only in the process that runs the whole app.
 */
export function withLikedCache(store: EngagementStore, options: ViewerCacheOptions): EngagementStore {
  const cache = createViewerCache<boolean>(options);
  return {
    ...store,
    likedAmong: (userId, postIds) => amongCached(cache, userId, postIds, (missing) => store.likedAmong(userId, missing)),
    like: (like, events) => cache.writing([like.userId], () => store.like(like, events)),
    unlike: (postId, userId, events) => cache.writing([userId], () => store.unlike(postId, userId, events)),
    forgetPost: (postId) => cache.writingAbout(postId, () => store.forgetPost(postId)),
    forgetUser: (userId) => cache.writing([userId], () => store.forgetUser(userId)),
  };
}

/** The same for saves: which posts a viewer saved, forgotten by their own save or unsave. */
export function withSavedCache(store: SaveStore, options: ViewerCacheOptions): SaveStore {
  const cache = createViewerCache<boolean>(options);
  return {
    ...store,
    savedAmong: (userId, postIds) => amongCached(cache, userId, postIds, (missing) => store.savedAmong(userId, missing)),
    save: (userId, postId, seq, at) => cache.writing([userId], () => store.save(userId, postId, seq, at)),
    unsave: (userId, postId) => cache.writing([userId], () => store.unsave(userId, postId)),
    forgetPost: (postId) => cache.writingAbout(postId, () => store.forgetPost(postId)),
    forgetUser: (userId) => cache.writing([userId], () => store.forgetUser(userId)),
  };
}
