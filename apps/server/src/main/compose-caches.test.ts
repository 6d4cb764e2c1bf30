import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import type { PostStore } from '../modules/posts/public.js';
import { createManualClock } from '../platform/clock.js';
import { chooseCaches } from './compose-caches.js';

/** A post store that only counts how often a post is read from it (that is, missed by the cache). */
function countingPosts() {
  const post = { id: '1', ownerId: '2' };
  const store = {
    reads: 0,
    async findById() {
      store.reads++;
      return post;
    },
  };
  return store;
}

/**
 * How many store reads a post read once, then read again `afterSeconds` later, costs.
 * Entries expire at a time drawn from the last quarter below their TTL (spread-expiry.ts).
 */
async function readsAcross(roles: string, afterSeconds: number): Promise<number> {
  const clock = createManualClock();
  const store = countingPosts();
  const posts = chooseCaches(loadConfig({ PICTOR_ROLES: roles, PICTOR_CACHE_TTL_SECONDS: '30' }, '/srv/pictor'), clock)
    .posts(store as unknown as PostStore);
  await posts.findById('1');
  clock.advance(afterSeconds * 1000);
  await posts.findById('1');
  return store.reads;
}

describe('choosing caches', () => {
  it('when the API runs without the worker, then a post is kept up to the TTL: another process may have written it', async () => {
    expect(await readsAcross('api', 22)).toBe(1);
    expect(await readsAcross('api', 31)).toBe(2);
  });

  it('when one process runs the API and the worker, then every write passes through it and a post is kept ten times the TTL', async () => {
    expect(await readsAcross('all', 31)).toBe(1);
    expect(await readsAcross('all', 224)).toBe(1);
    expect(await readsAcross('all', 301)).toBe(2);
  });
});
