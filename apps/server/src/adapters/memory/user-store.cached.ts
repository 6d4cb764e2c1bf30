import type { User, UserStore } from '../../modules/accounts/public.js';
import { createIdCache, type IdCacheOptions } from './id-cache.js';

/**
 * An in-process cache in front of any UserStore: authors are read on every feed,
 * profile and comment page and change rarely. Reads by id are served from memory;
 * every write through this wrapper forgets the user first, so this process reads
 * its own writes at once and other processes within `ttlMs`. Lookups by username
 * or email go to the store (they are the sign-in and profile-open paths).
 */
export function withUserCache(store: UserStore, options: IdCacheOptions): UserStore {
  const cache = createIdCache<User>(options);
  return {
    ...store,
    findById: (id) => cache.one(id, store.findById),
    findManyByIds: (ids) => cache.many(ids, store.findManyByIds, (user) => user.id),
    updateProfile: (id, patch, events) => cache.writing(id, () => store.updateProfile(id, patch, events)),
    updatePasswordHash: (id, hash) => cache.writing(id, () => store.updatePasswordHash(id, hash)),
    touchActive: (id, at) => cache.writing(id, () => store.touchActive(id, at)),
    delete: (id, events) => cache.writing(id, () => store.delete(id, events)),
  };
}
