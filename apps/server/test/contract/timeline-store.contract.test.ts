import { beforeEach, describe, expect, it } from 'vitest';
import { withCelebrityCache, withTimelineCache } from '../../src/adapters/memory/timeline-store.cached.js';
import { openSqlite } from '../../src/adapters/sqlite/database.js';
import { createSqliteTimelineStore } from '../../src/adapters/sqlite/timeline-store.sqlite.js';
import type { TimelineEntry, TimelineStore } from '../../src/modules/feed/public.js';
import { systemClock } from '../../src/platform/clock.js';

/**
 * The same assertions run against every TimelineStore adapter: SQLite is the embedded
 * one, and the in-process cache in front of it must not change a single answer. Its
 * depth is kept small here so that reads cross from the cached prefix to the store.
 */
const adapters: [string, (capacity: number) => TimelineStore][] = [
  ['sqlite', (capacity) => createSqliteTimelineStore(openSqlite(':memory:'), { capacity })],
  ['sqlite behind the timeline cache', (capacity) => withTimelineCache(createSqliteTimelineStore(openSqlite(':memory:'), { capacity }), {
    readers: 100, depth: Math.min(8, capacity), ttlMs: 60_000, clock: systemClock,
  })],
  ['sqlite behind every timeline cache', (capacity) => withTimelineCache(
    withCelebrityCache(createSqliteTimelineStore(openSqlite(':memory:'), { capacity }), { ttlMs: 60_000, clock: systemClock }),
    { readers: 100, depth: Math.min(8, capacity), ttlMs: 60_000, clock: systemClock },
  )],
];

const readers = (n: number, from = 1000) => Array.from({ length: n }, (_, i) => String(from + i));
const toOne = (readerId: string, entries: TimelineEntry[]) => entries.map((entry) => ({ entry, readerIds: [readerId] }));

describe.each(adapters)('TimelineStore (%s)', (_name, make) => {
  let store: TimelineStore;
  beforeEach(() => {
    store = make(50);
  });

  it('when a post is pushed to many readers, then each reads it once, and a re-push adds nothing', async () => {
    const ids = readers(300);
    expect(await store.push([{ entry: { postId: '500', authorId: '7' }, readerIds: ids }])).toBe(300);
    expect(await store.push([{ entry: { postId: '500', authorId: '7' }, readerIds: ids }])).toBe(0);
    expect(await store.read('1000', null, 10)).toEqual([{ postId: '500', authorId: '7' }]);
    expect(await store.read('1299', null, 10)).toEqual([{ postId: '500', authorId: '7' }]);
  });

  it('when reading, then entries come newest first and the position excludes itself', async () => {
    for (const post of ['10', '30', '20']) await store.push([{ entry: { postId: post, authorId: '7' }, readerIds: ['1'] }]);
    expect((await store.read('1', null, 10)).map((e) => e.postId)).toEqual(['30', '20', '10']);
    expect((await store.read('1', '30', 10)).map((e) => e.postId)).toEqual(['20', '10']);
    expect((await store.read('1', '20', 1)).map((e) => e.postId)).toEqual(['10']);
  });

  it('when a timeline passes its capacity, then the oldest entries go and the newest stay', async () => {
    for (let post = 1; post <= 200; post++) await store.push([{ entry: { postId: String(post), authorId: '7' }, readerIds: ['1', '2'] }]);
    const all = await store.read('1', null, 1000);
    expect(all.length).toBeGreaterThanOrEqual(50);
    expect(all.length).toBeLessThanOrEqual(50 + Math.max(8, 50 / 8));
    expect(all[0]!.postId).toBe('200');
    expect(all.map((e) => Number(e.postId))).toEqual([...all.map((e) => Number(e.postId))].sort((a, b) => b - a));
  });

  it('when many posts are pushed to one reader, then the batch is idempotent and capped too', async () => {
    const entries = Array.from({ length: 120 }, (_, i) => ({ postId: String(i + 1), authorId: String(i % 3) }));
    expect(await store.push(toOne('9', entries))).toBe(120);
    expect(await store.push(toOne('9', entries.slice(100)))).toBe(0);
    const all = await store.read('9', null, 1000);
    expect(all.length).toBeLessThanOrEqual(50);
    expect(all[0]!.postId).toBe('120');
  });

  it('when one batch carries many posts for many readers, then each reader gets exactly its posts, newest first', async () => {
    const batch = [
      { entry: { postId: '100', authorId: '7' }, readerIds: ['1', '2', '3'] },
      { entry: { postId: '101', authorId: '8' }, readerIds: ['2'] },
      { entry: { postId: '102', authorId: '7' }, readerIds: ['1', '3'] },
    ];
    expect(await store.push(batch)).toBe(6);
    expect(await store.push(batch)).toBe(0);
    expect(await store.push([])).toBe(0);
    expect((await store.read('1', null, 10)).map((e) => e.postId)).toEqual(['102', '100']);
    expect((await store.read('2', null, 10)).map((e) => e.postId)).toEqual(['101', '100']);
    expect((await store.read('3', null, 10)).map((e) => e.postId)).toEqual(['102', '100']);
  });

  it('when an author is removed from a reader, then only that reader loses only that author', async () => {
    await store.push([{ entry: { postId: '10', authorId: '7' }, readerIds: ['1', '2'] }]);
    await store.push([{ entry: { postId: '11', authorId: '8' }, readerIds: ['1', '2'] }]);
    expect(await store.removeAuthor('1', '7')).toBe(1);
    expect((await store.read('1', null, 10)).map((e) => e.postId)).toEqual(['11']);
    expect((await store.read('2', null, 10)).map((e) => e.postId)).toEqual(['11', '10']);
  });

  it('when a post is removed, then it leaves every timeline', async () => {
    await store.push([{ entry: { postId: '10', authorId: '7' }, readerIds: readers(5) }]);
    await store.push([{ entry: { postId: '11', authorId: '7' }, readerIds: readers(5) }]);
    expect(await store.removePost('10')).toBe(5);
    for (const reader of readers(5)) expect((await store.read(reader, null, 10)).map((e) => e.postId)).toEqual(['11']);
  });

  it('when a timeline was read, then later pushes and removals show in the next read, page by page', async () => {
    const entry = (post: number, author: number) => ({ postId: String(post), authorId: String(author) });
    const first = Array.from({ length: 30 }, (_, i) => entry(100 + i * 10, i % 3));
    await store.push(toOne('1', first));
    expect((await store.read('1', null, 5)).map((e) => e.postId)).toEqual(['390', '380', '370', '360', '350']);

    const later = [entry(395, 4), entry(355, 4), entry(105, 4), entry(1000, 4)];
    await store.push(toOne('1', later));
    await store.push(toOne('1', [entry(390, 0)]));
    await store.removeAuthor('1', '1');
    await store.removePost('370');
    const expected = [...first, ...later]
      .filter((e) => e.authorId !== '1' && e.postId !== '370')
      .map((e) => Number(e.postId))
      .sort((a, b) => b - a)
      .map(String);
    const paged: string[] = [];
    let before: string | null = null;
    for (;;) {
      const page = await store.read('1', before, 4);
      paged.push(...page.map((e) => e.postId));
      if (page.length < 4) break;
      before = page.at(-1)!.postId;
    }
    expect(paged).toEqual(expected);
    expect((await store.read('1', null, 100)).map((e) => e.postId)).toEqual(expected);
    expect((await store.read('1', '355', 3)).map((e) => e.postId)).toEqual(expected.slice(expected.indexOf('355') + 1, expected.indexOf('355') + 4));
  });

  it('when a reader reads, then the read time is remembered', async () => {
    expect(await store.lastRead('1')).toBeNull();
    const at = new Date('2026-01-02T03:04:05Z');
    await store.markRead('1', at);
    expect(await store.lastRead('1')).toEqual(at);
    const later = new Date('2026-01-03T03:04:05Z');
    await store.markRead('1', later);
    expect(await store.lastRead('1')).toEqual(later);
    await store.push([{ entry: { postId: '10', authorId: '7' }, readerIds: ['1'] }]);
    expect(await store.lastRead('1')).toEqual(later);
  });

  it('when authors are marked as celebrities, then the set says so', async () => {
    expect(await store.celebrities()).toEqual([]);
    await store.setCelebrity('7', true);
    await store.setCelebrity('7', true);
    await store.setCelebrity('8', true);
    await store.setCelebrity('8', false);
    expect(await store.celebrities()).toEqual(['7']);
  });

  it('when ids are near 2^63, then they survive the round trip', async () => {
    const big = '9223372036854775000';
    await store.push([{ entry: { postId: '9223372036854775001', authorId: big }, readerIds: [big] }]);
    expect(await store.read(big, null, 1)).toEqual([{ postId: '9223372036854775001', authorId: big }]);
  });
});

/** A store whose next read of `method` has already read the rows but answers only once `release` is called. */
function heldOnce(store: TimelineStore, method: 'celebrities' | 'lastRead') {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held = false;
  const read = store[method] as (...args: unknown[]) => Promise<unknown>;
  const wrapped = { ...store, [method]: async (...args: unknown[]) => {
    const answer = await read(...args);
    if (!held) {
      held = true;
      await released;
    }
    return answer;
  } } as TimelineStore;
  return { store: wrapped, release };
}

describe('TimelineStore caches around a write', () => {
  const sqlite = () => createSqliteTimelineStore(openSqlite(':memory:'), { capacity: 50 });

  it('when the celebrity list is read while a change is written, then the next read shows the change', async () => {
    const held = heldOnce(sqlite(), 'celebrities');
    const store = withCelebrityCache(held.store, { ttlMs: 60_000, clock: systemClock });
    const racing = store.celebrities();
    await store.setCelebrity('7', true);
    held.release();
    expect(await racing).toEqual([]);
    expect(await store.celebrities()).toEqual(['7']);
  });

  it('when the read time is read while a new one is written, then the next read shows the new one', async () => {
    const held = heldOnce(sqlite(), 'lastRead');
    const store = withTimelineCache(held.store, { readers: 100, depth: 8, ttlMs: 60_000, clock: systemClock });
    const at = new Date('2026-01-02T03:04:05Z');
    const racing = store.lastRead('1');
    await store.markRead('1', at);
    held.release();
    expect(await racing).toBeNull();
    expect(await store.lastRead('1')).toEqual(at);
  });
});
