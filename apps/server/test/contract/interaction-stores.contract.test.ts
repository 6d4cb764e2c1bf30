import { beforeEach, describe, expect, it } from 'vitest';
import { withAffinityCache } from '../../src/adapters/memory/engagement-store.cached.js';
import { createPostCounterCache } from '../../src/adapters/memory/post-counters.cached.js';
import { withLikedCache, withSavedCache } from '../../src/adapters/memory/viewer-state.cached.js';
import { createSqliteCommentStore } from '../../src/adapters/sqlite/comment-store.sqlite.js';
import { openSqlite, type Sqlite } from '../../src/adapters/sqlite/database.js';
import { createSqliteEngagementStore } from '../../src/adapters/sqlite/engagement-store.sqlite.js';
import { createOutboxWriter } from '../../src/adapters/sqlite/event-log.sqlite.js';
import { createSqliteSaveStore } from '../../src/adapters/sqlite/save-store.sqlite.js';
import type { Comment, CommentStore, EngagementStore, SaveStore } from '../../src/modules/interactions/public.js';
import { createManualClock, systemClock } from '../../src/platform/clock.js';

interface Stores { engagement: EngagementStore; comments: CommentStore; saves: SaveStore; outboxSize(): number; db: Sqlite }
type Wrap = (stores: Pick<Stores, 'engagement' | 'comments' | 'saves'>) => Pick<Stores, 'engagement' | 'comments' | 'saves'>;
function sqliteStores(wrap: Wrap = (stores) => stores): Stores {
  const db = openSqlite(':memory:');
  const outbox = createOutboxWriter(db);
  return {
    db, ...wrap({ engagement: createSqliteEngagementStore(db, outbox), comments: createSqliteCommentStore(db, outbox), saves: createSqliteSaveStore(db) }),
    outboxSize: () => Number(db.prepare('SELECT count(*) FROM outbox').pluck().get()),
  };
}
const perViewer = { viewers: 100, ttlMs: 60_000, clock: systemClock };
/** Every cache the composition root can put in front of these stores, stacked as it stacks them. */
const behindEveryCache: Wrap = ({ engagement, comments, saves }) => {
  const counters = createPostCounterCache({ max: 1000, ttlMs: 60_000, clock: systemClock });
  return {
    engagement: withLikedCache(withAffinityCache(counters.engagement(engagement), perViewer), perViewer),
    comments: counters.comments(comments),
    saves: withSavedCache(saves, perViewer),
  };
};
const adapters: [string, () => Stores][] = [
  ['sqlite', () => sqliteStores()],
  ['sqlite behind every cache', () => sqliteStores(behindEveryCache)],
];

const at = new Date('2026-01-01T00:00:00Z');
const ev = [{ type: 'test.event', payload: {} }];
let nextId = 100;
const comment = (over: Partial<Comment> = {}): Comment => ({
  id: String(nextId++), postId: '1', postAuthorId: '9', authorId: '2', parentId: null, text: 'nice', mentions: [],
  restricted: false, likes: 0, replies: 0, createdAt: at, ...over,
});

describe.each(adapters)('EngagementStore (%s)', (_name, make) => {
  let s: Stores;
  beforeEach(() => {
    s = make();
  });
  const like = (post: string, user: string, seq = String(nextId++)) => s.engagement.like({ postId: post, userId: user, authorId: '9', seq, at }, ev);

  it('when counters were read before, then the next read shows every like, unlike, comment and removal since', async () => {
    expect((await s.engagement.counters(['1'])).get('1')).toEqual({ likes: 0, comments: 0 });
    await like('1', '2');
    await like('1', '3');
    expect((await s.engagement.counters(['1'])).get('1')).toEqual({ likes: 2, comments: 0 });
    await s.engagement.unlike('1', '3', () => ev);
    const c = comment({ postId: '1' });
    await s.comments.add(c, ev);
    expect((await s.engagement.counters(['1'])).get('1')).toEqual({ likes: 1, comments: 1 });
    await s.comments.remove(c.id, ev);
    expect((await s.engagement.counters(['1', '404'])).get('1')).toEqual({ likes: 1, comments: 0 });
  });

  it('when a user likes twice, then the count is one and one event was written', async () => {
    expect(await like('1', '2')).toBe('created');
    expect(await like('1', '2')).toBe('exists');
    expect((await s.engagement.counters(['1'])).get('1')).toEqual({ likes: 1, comments: 0 });
    expect(s.outboxSize()).toBe(1);
  });

  it('when many like concurrently, then the count is exact', async () => {
    await Promise.all(Array.from({ length: 100 }, (_, i) => like('1', String(1000 + i))));
    await Promise.all(Array.from({ length: 100 }, (_, i) => like('1', String(1000 + i))));
    expect((await s.engagement.counters(['1'])).get('1')!.likes).toBe(100);
  });

  it('when unliking, then the count drops once and never below zero', async () => {
    await like('1', '2');
    expect(await s.engagement.unlike('1', '2', () => ev)).toBe(true);
    expect(await s.engagement.unlike('1', '2', () => ev)).toBe(false);
    expect((await s.engagement.counters(['1', '5'])).get('1')).toEqual({ likes: 0, comments: 0 });
    expect((await s.engagement.counters(['5'])).get('5')).toEqual({ likes: 0, comments: 0 });
  });

  it('when unliking, then the events are told the post author kept with the like, and asked only if a like went', async () => {
    await like('1', '2');
    const told: string[] = [];
    const events = (authorId: string) => {
      told.push(authorId);
      return ev;
    };
    await s.engagement.unlike('1', '2', events);
    await s.engagement.unlike('1', '2', events);
    expect(told).toEqual(['9']);
    expect(s.outboxSize()).toBe(2);
  });

  it('when listing likers, then they come newest first in pages that join up', async () => {
    for (let i = 0; i < 5; i++) await like('1', String(10 + i), String(200 + i));
    const first = await s.engagement.likers('1', null, 3);
    expect(first.ids).toEqual(['14', '13', '12']);
    const second = await s.engagement.likers('1', first.next, 3);
    expect(second).toEqual({ ids: ['11', '10'], next: null });
  });

  it('when asking which posts a user liked, then one answer covers the batch', async () => {
    await like('1', '2');
    await like('3', '2');
    expect(await s.engagement.likedAmong('2', ['1', '2', '3'])).toEqual(new Set(['1', '3']));
    expect(await s.engagement.likedAmong('2', [])).toEqual(new Set());
  });

  it('when the user likes or unlikes after asking, then the next answer shows it, and a forgotten post is liked by no one', async () => {
    expect(await s.engagement.likedAmong('2', ['1', '3'])).toEqual(new Set());
    await like('1', '2');
    expect(await s.engagement.likedAmong('2', ['1', '3'])).toEqual(new Set(['1']));
    expect(await s.engagement.likedAmong('7', ['1'])).toEqual(new Set());
    await s.engagement.unlike('1', '2', () => []);
    expect(await s.engagement.likedAmong('2', ['1', '3'])).toEqual(new Set());
    await like('3', '2');
    expect(await s.engagement.likedAmong('2', ['3'])).toEqual(new Set(['3']));
    await s.engagement.forgetPost('3');
    expect(await s.engagement.likedAmong('2', ['3'])).toEqual(new Set());
  });

  it('when the viewer has liked and commented on an author, then affinity counts both', async () => {
    await like('1', '2');
    await like('4', '2');
    await s.comments.add(comment({ authorId: '2', postAuthorId: '9' }), []);
    const affinity = await s.engagement.affinity('2', ['9', '8']);
    expect(affinity.get('9')).toEqual({ likes: 2, comments: 1 });
    expect(affinity.get('8')).toEqual({ likes: 0, comments: 0 });
  });

  it('when the viewer likes or unlikes after affinity was asked, then the next answer shows it', async () => {
    expect((await s.engagement.affinity('2', ['9'])).get('9')).toEqual({ likes: 0, comments: 0 });
    await like('1', '2');
    expect((await s.engagement.affinity('2', ['9', '8'])).get('9')).toEqual({ likes: 1, comments: 0 });
    await s.engagement.unlike('1', '2', () => []);
    expect((await s.engagement.affinity('2', ['9'])).get('9')).toEqual({ likes: 0, comments: 0 });
  });

  it('when counters drift, then a rebuild restores them from the rows', async () => {
    await like('1', '2');
    await like('1', '3');
    await s.comments.add(comment({ postId: '1' }), []);
    const c = comment({ postId: '1' });
    await s.comments.add(c, []);
    await s.comments.like(c.id, '4', at);
    s.db.exec('UPDATE post_counters SET likes = 57, comments = 0; UPDATE comments SET likes = 9');
    expect((await s.engagement.counters(['1'])).get('1')).toEqual({ likes: 57, comments: 0 });
    const result = await s.engagement.rebuildCounters();
    expect(result.corrected).toBe(1);
    expect(result.commentsCorrected).toBe(2);
    expect((await s.engagement.counters(['1'])).get('1')).toEqual({ likes: 2, comments: 2 });
    expect((await s.comments.findById(c.id))!.likes).toBe(1);
    expect((await s.engagement.rebuildCounters()).corrected).toBe(0);
  });

  it('when counters were read before, then a post forgotten reads zeros at once', async () => {
    await like('1', '2');
    await s.comments.add(comment({ postId: '1' }), []);
    expect((await s.engagement.counters(['1'])).get('1')).toEqual({ likes: 1, comments: 1 });
    await s.engagement.forgetPost('1');
    expect((await s.engagement.counters(['1'])).get('1')).toEqual({ likes: 0, comments: 0 });
  });

  it('when a post is forgotten, then its likes, comments and counters go', async () => {
    await like('1', '2');
    await s.comments.add(comment({ postId: '1' }), []);
    await s.engagement.forgetPost('1');
    expect((await s.engagement.counters(['1'])).get('1')).toEqual({ likes: 0, comments: 0 });
    expect(await s.comments.list('1', null, null, null, 10)).toEqual([]);
    expect(await s.engagement.likedAmong('2', ['1'])).toEqual(new Set());
  });

  it('when an account is forgotten, then its likes, comment likes, comments and the replies under them go, and every count they moved is set again', async () => {
    await like('1', '2');
    await like('1', '3');
    await like('5', '2');
    const theirs = comment({ postId: '1', authorId: '2' });
    const replyToTheirs = comment({ postId: '1', authorId: '3', parentId: theirs.id });
    const other = comment({ postId: '1', authorId: '3' });
    const theirReply = comment({ postId: '1', authorId: '2', parentId: other.id });
    for (const c of [theirs, replyToTheirs, other, theirReply]) await s.comments.add(c, []);
    await s.comments.like(other.id, '2', at);
    await s.comments.like(other.id, '4', at);
    expect(await s.engagement.likedAmong('2', ['1', '5'])).toEqual(new Set(['1', '5']));
    expect((await s.engagement.counters(['1'])).get('1')).toEqual({ likes: 2, comments: 4 });

    await s.engagement.forgetUser('2');
    await s.engagement.forgetUser('2');
    expect((await s.engagement.counters(['1', '5'])).get('1')).toEqual({ likes: 1, comments: 1 });
    expect((await s.engagement.counters(['5'])).get('5')).toEqual({ likes: 0, comments: 0 });
    expect(await s.engagement.likedAmong('2', ['1', '5'])).toEqual(new Set());
    expect((await s.comments.list('1', null, null, null, 10)).map((c) => c.id)).toEqual([other.id]);
    const left = (await s.comments.findById(other.id))!;
    expect([left.likes, left.replies]).toEqual([1, 0]);
    expect(await s.comments.findById(replyToTheirs.id)).toBeNull();
    expect((await s.engagement.rebuildCounters()).corrected).toBe(0);
  });
});

describe.each(adapters)('CommentStore (%s)', (_name, make) => {
  let s: Stores;
  beforeEach(() => {
    s = make();
  });

  it('when comments and replies are added, then counts follow and lists are oldest first per thread', async () => {
    const top = comment();
    const second = comment();
    await s.comments.add(top, ev);
    await s.comments.add(second, ev);
    const reply = comment({ parentId: top.id, mentions: ['ann'] });
    await s.comments.add(reply, ev);
    expect((await s.engagement.counters(['1'])).get('1')!.comments).toBe(3);
    expect((await s.comments.list('1', null, null, null, 10)).map((c) => c.id)).toEqual([top.id, second.id]);
    expect((await s.comments.list('1', null, null, top.id, 10)).map((c) => c.id)).toEqual([second.id]);
    const replies = await s.comments.list('1', top.id, null, null, 10);
    expect(replies).toEqual([{ ...reply, replies: 0 }]);
    expect((await s.comments.findById(top.id))!.replies).toBe(1);
    expect(s.outboxSize()).toBe(3);
  });

  it('when a top-level comment is removed, then its replies and their counts go too', async () => {
    const top = comment();
    await s.comments.add(top, []);
    await s.comments.add(comment({ parentId: top.id }), []);
    await s.comments.add(comment(), []);
    expect(await s.comments.remove(top.id, ev)).toBe(true);
    expect(await s.comments.remove(top.id, ev)).toBe(false);
    expect((await s.engagement.counters(['1'])).get('1')!.comments).toBe(1);
    expect(s.outboxSize()).toBe(1);
  });

  it('when counters were read before, then a thread removed with its replies, and a restricted comment, show at once', async () => {
    const top = comment();
    await s.comments.add(top, []);
    await s.comments.add(comment({ parentId: top.id }), []);
    await s.comments.add(comment({ parentId: top.id, restricted: true }), []);
    expect((await s.engagement.counters(['1'])).get('1')!.comments).toBe(2);
    await s.comments.remove(top.id, []);
    expect((await s.engagement.counters(['1'])).get('1')!.comments).toBe(0);
    const hidden = comment({ authorId: '5', restricted: true });
    await s.comments.add(hidden, []);
    await s.comments.remove(hidden.id, []);
    expect((await s.engagement.counters(['1'])).get('1')!.comments).toBe(0);
  });

  it('when a comment is restricted, then only its writer and the post author see it and it is not counted', async () => {
    const hidden = comment({ authorId: '5', restricted: true });
    await s.comments.add(hidden, []);
    expect(await s.comments.list('1', null, '3', null, 10)).toEqual([]);
    expect(await s.comments.list('1', null, null, null, 10)).toEqual([]);
    expect((await s.comments.list('1', null, '5', null, 10)).map((c) => c.id)).toEqual([hidden.id]);
    expect((await s.comments.list('1', null, '9', null, 10)).map((c) => c.id)).toEqual([hidden.id]);
    expect((await s.engagement.counters(['1'])).get('1')!.comments).toBe(0);
  });

  it('when a comment is liked twice and unliked, then its count is exact', async () => {
    const c = comment();
    await s.comments.add(c, []);
    expect(await s.comments.like(c.id, '3', at)).toBe('created');
    expect(await s.comments.like(c.id, '3', at)).toBe('exists');
    expect((await s.comments.findById(c.id))!.likes).toBe(1);
    expect(await s.comments.likedAmong('3', [c.id, '77'])).toEqual(new Set([c.id]));
    expect(await s.comments.unlike(c.id, '3')).toBe(true);
    expect(await s.comments.unlike(c.id, '3')).toBe(false);
    expect((await s.comments.findById(c.id))!.likes).toBe(0);
  });

  it('when a reply or a like lands on a comment deleted meanwhile, then nothing is written and nothing counted', async () => {
    const top = comment();
    await s.comments.add(top, []);
    await s.comments.remove(top.id, []);
    expect(await s.comments.add(comment({ parentId: top.id }), ev)).toBe(false);
    expect(await s.comments.like(top.id, '3', at)).toBe('gone');
    expect(await s.comments.likedAmong('3', [top.id])).toEqual(new Set());
    expect((await s.engagement.counters(['1'])).get('1')!.comments).toBe(0);
    expect(s.outboxSize()).toBe(0);
    expect((await s.engagement.rebuildCounters()).corrected).toBe(0);
  });
});

describe.each(adapters)('SaveStore (%s)', (_name, make) => {
  let s: Stores;
  beforeEach(() => {
    s = make();
  });

  it('when saving, then it is idempotent, listed newest first and private to the saver', async () => {
    expect(await s.saves.save('2', '10', '500', at)).toBe('created');
    expect(await s.saves.save('2', '10', '501', at)).toBe('exists');
    await s.saves.save('2', '11', '502', at);
    await s.saves.save('2', '12', '503', at);
    const first = await s.saves.saved('2', null, 2);
    expect(first.ids).toEqual(['12', '11']);
    expect(await s.saves.saved('2', first.next, 2)).toEqual({ ids: ['10'], next: null });
    expect((await s.saves.saved('3', null, 10)).ids).toEqual([]);
    expect(await s.saves.savedAmong('2', ['10', '13'])).toEqual(new Set(['10']));
  });

  it('when unsaving or the post is forgotten, then it leaves the list', async () => {
    expect(await s.saves.savedAmong('2', ['10'])).toEqual(new Set());
    await s.saves.save('2', '10', '500', at);
    await s.saves.save('3', '10', '501', at);
    expect(await s.saves.savedAmong('2', ['10'])).toEqual(new Set(['10']));
    expect(await s.saves.savedAmong('3', ['10'])).toEqual(new Set(['10']));
    expect(await s.saves.unsave('2', '10')).toBe(true);
    expect(await s.saves.unsave('2', '10')).toBe(false);
    expect(await s.saves.savedAmong('2', ['10'])).toEqual(new Set());
    await s.saves.forgetPost('10');
    expect((await s.saves.saved('3', null, 10)).ids).toEqual([]);
    expect(await s.saves.savedAmong('3', ['10'])).toEqual(new Set());
  });

  it('when an account is forgotten, then its saves go and nobody else loses theirs', async () => {
    await s.saves.save('2', '10', '500', at);
    await s.saves.save('3', '10', '501', at);
    expect(await s.saves.savedAmong('2', ['10'])).toEqual(new Set(['10']));
    await s.saves.forgetUser('2');
    expect(await s.saves.savedAmong('2', ['10'])).toEqual(new Set());
    expect((await s.saves.saved('2', null, 10)).ids).toEqual([]);
    expect((await s.saves.saved('3', null, 10)).ids).toEqual(['10']);
  });
});

describe('the affinity cache', () => {
  it('when a comment moves affinity behind the cache, then the answer shows it once the cache time has passed', async () => {
    const clock = createManualClock(new Date('2026-01-01T00:00:00Z'));
    const s = sqliteStores((stores) => ({ ...stores, engagement: withAffinityCache(stores.engagement, { viewers: 100, ttlMs: 30_000, clock }) }));
    expect((await s.engagement.affinity('2', ['9'])).get('9')).toEqual({ likes: 0, comments: 0 });
    await s.comments.add(comment({ authorId: '2', postAuthorId: '9' }), []);
    expect((await s.engagement.affinity('2', ['9'])).get('9')).toEqual({ likes: 0, comments: 0 });
    clock.advance(30_001);
    expect((await s.engagement.affinity('2', ['9'])).get('9')).toEqual({ likes: 0, comments: 1 });
  });
});

describe('the post counter cache', () => {
  it('when another process moves a counter, then the answer shows it once the cache time has passed', async () => {
    const clock = createManualClock(new Date('2026-01-01T00:00:00Z'));
    const cache = createPostCounterCache({ max: 100, ttlMs: 30_000, clock });
    const s = sqliteStores((stores) => ({ ...stores, engagement: cache.engagement(stores.engagement), comments: cache.comments(stores.comments) }));
    expect((await s.engagement.counters(['1'])).get('1')).toEqual({ likes: 0, comments: 0 });
    s.db.exec('INSERT INTO post_counters (post_id, likes, comments) VALUES (1, 7, 0)');
    expect((await s.engagement.counters(['1'])).get('1')).toEqual({ likes: 0, comments: 0 });
    clock.advance(30_001);
    expect((await s.engagement.counters(['1'])).get('1')).toEqual({ likes: 7, comments: 0 });
  });

  it('when a read races a like, then it is answered but not kept past the like', async () => {
    const cache = createPostCounterCache({ max: 100, ttlMs: 60_000, clock: systemClock });
    const s = sqliteStores((stores) => ({ ...stores, engagement: cache.engagement(stores.engagement), comments: cache.comments(stores.comments) }));
    const plain = createSqliteEngagementStore(s.db, createOutboxWriter(s.db));
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The first read is held after reading the store; later reads pass straight through.
    let first = true;
    const slow = cache.engagement({
      ...plain,
      async counters(ids) {
        const read = await plain.counters(ids);
        if (first) {
          first = false;
          await held;
        }
        return read;
      },
    });
    const racing = slow.counters(["1"]);
    await s.engagement.like({ postId: '1', userId: '2', authorId: '9', seq: '1', at }, []);
    release();
    expect((await racing).get('1')).toEqual({ likes: 0, comments: 0 });
    expect((await slow.counters(['1'])).get('1')).toEqual({ likes: 1, comments: 0 });
  });
});
