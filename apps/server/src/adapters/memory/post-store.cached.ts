import type { Post, PostStore } from '../../modules/posts/public.js';
import { createIdCache, type IdCacheOptions } from './id-cache.js';

/**
 * An in-process cache in front of any PostStore: a post with its photos is read
 * by every feed that holds it and written rarely (edit, archive, delete). Reads
 * by id are served from memory; every write through this wrapper forgets the post,
 * so this process reads its own writes at once and other processes within `ttlMs`.
 * Listings, counts and duplicate checks go to the store.
 */
export function withPostCache(store: PostStore, options: IdCacheOptions): PostStore {
  const cache = createIdCache<Post>(options);
  return {
    ...store,
    findById: (id) => cache.one(id, store.findById),
    findManyByIds: (ids) => cache.many(ids, (missing) => store.findManyByIds(missing), (post) => post.id),
    update: (id, patch, at, events) => cache.writing(id, () => store.update(id, patch, at, events)),
    setArchived: (id, at, events) => cache.writing(id, () => store.setArchived(id, at, events)),
    remove: (id, events) => cache.writing(id, () => store.remove(id, events)),
  };
}
