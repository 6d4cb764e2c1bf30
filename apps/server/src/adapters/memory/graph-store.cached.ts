import type { GraphStore } from '../../modules/graph/public.js';
import type { Id } from '../../platform/ids.js';
import { createViewerCache, type ViewerCacheOptions } from './viewer-cache.js';

const FOLLOWED = 1;
const MUTED = 2;
const BLOCKED = 4;

/**
 * Keeps what `relationsAmong` answered (the home feed asks it on every page) per
 * viewer in memory. Every write that can change a follow, mute or block forgets the
 * viewers whose answers it changes: the follower's for a follow, the actor's for a mute,
 * both accounts' for a block (it counts either way), so this process reads its own
 * writes at once; another process's writes are seen within `ttlMs`, which is why the
 * composition root keeps it only in the one process that runs the whole app.
 */
export function withRelationCache(store: GraphStore, options: ViewerCacheOptions): GraphStore {
  const cache = createViewerCache<number>(options);
  async function load(viewerId: Id, missing: Id[]): Promise<Map<Id, number>> {
    const { followed, muted, blocked } = await store.relationsAmong(viewerId, missing);
    return new Map(missing.map((id) => [id, (followed.has(id) ? FOLLOWED : 0) | (muted.has(id) ? MUTED : 0) | (blocked.has(id) ? BLOCKED : 0)]));
  }
  return {
    ...store,
    async relationsAmong(viewerId, otherIds) {
      const result = { followed: new Set<Id>(), muted: new Set<Id>(), blocked: new Set<Id>() };
      await cache.each(viewerId, otherIds, (missing) => load(viewerId, missing), (id, bits) => {
        if (bits & FOLLOWED) result.followed.add(id);
        if (bits & MUTED) result.muted.add(id);
        if (bits & BLOCKED) result.blocked.add(id);
      });
      return result;
    },
    // The followee's answers say whether they follow, mute or block: a follow changes none of them.
    follow: (followerId, followeeId, seq, at, events) => cache.writing([followerId], () => store.follow(followerId, followeeId, seq, at, events)),
    unfollow: (followerId, followeeId, events) => cache.writing([followerId], () => store.unfollow(followerId, followeeId, events)),
    approve: (requesterId, targetId, seq, at, events) => cache.writing([requesterId], () => store.approve(requesterId, targetId, seq, at, events)),
    setRelation: (actorId, subjectId, kind, on, seq, at, events) =>
      cache.writing(kind === 'block' ? [actorId, subjectId] : [actorId], () => store.setRelation(actorId, subjectId, kind, on, seq, at, events)),
    removeUser: (userId) => cache.writing('all', () => store.removeUser(userId)),
  };
}
