/**
 * A post deleted while someone likes, comments on or saves it: the write lands after
 * the gate let it through, maybe after the job that forgets the post's likes, comments
 * and saves has run. The service asks again once it has written and takes the write back.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createPostCounterCache } from '../../src/adapters/memory/post-counters.cached.js';
import { createSqliteCommentStore } from '../../src/adapters/sqlite/comment-store.sqlite.js';
import { openSqlite } from '../../src/adapters/sqlite/database.js';
import { createSqliteEngagementStore } from '../../src/adapters/sqlite/engagement-store.sqlite.js';
import { createOutboxWriter } from '../../src/adapters/sqlite/event-log.sqlite.js';
import { createSqliteSaveStore } from '../../src/adapters/sqlite/save-store.sqlite.js';
import { systemClock } from '../../src/platform/clock.js';
import { AppError } from '../../src/platform/errors.js';
import { createIdGenerator } from '../../src/platform/ids.js';
import type { AccountDirectory, User } from '../../src/modules/accounts/public.js';
import type { GraphReader, Visibility } from '../../src/modules/graph/public.js';
import type { Post } from '../../src/modules/posts/public.js';
import { createComments } from '../../src/modules/interactions/comments.service.js';
import { createLikes } from '../../src/modules/interactions/likes.service.js';
import { createPostGate } from '../../src/modules/interactions/post-gate.js';
import { createSaves } from '../../src/modules/interactions/saves.service.js';

const author = { id: '9', username: 'author' } as User;
const post = { id: '1', ownerId: '9', archivedAt: null, commentsDisabled: false, hideLikeCount: false } as unknown as Post;

function world() {
  const db = openSqlite(':memory:');
  const outbox = createOutboxWriter(db);
  // The post is there when the gate opens, and gone by the time anyone asks again.
  let asked = 0;
  const posts = { findById: async () => (asked++ === 0 ? post : null), findManyByIds: async () => [] };
  const gate = createPostGate({
    posts,
    accounts: { findById: async () => author } as unknown as AccountDirectory,
    visibility: { canSeeContent: async () => true } as unknown as Visibility,
  });
  const platform = { ids: createIdGenerator(1), clock: systemClock };
  return {
    engagement: createSqliteEngagementStore(db, outbox),
    comments: createSqliteCommentStore(db, outbox),
    saves: createSqliteSaveStore(db),
    gate, platform,
    graph: { facts: async () => ({ restricting: false }), blockedAmong: async () => new Set() } as unknown as GraphReader,
  };
}

const notFound = (error: unknown) => error instanceof AppError && error.status === 404;

describe('a post deleted between the gate and the write', () => {
  let w: ReturnType<typeof world>;
  beforeEach(() => {
    w = world();
  });

  it('when a like lands, then it is taken back and the liker hears 404', async () => {
    const likes = createLikes({ gate: w.gate, engagement: w.engagement, ...w.platform });
    await expect(likes.like('2', '1')).rejects.toSatisfy(notFound);
    expect(await w.engagement.likedAmong('2', ['1'])).toEqual(new Set());
    expect((await w.engagement.counters(['1'])).get('1')).toEqual({ likes: 0, comments: 0 });
  });

  it('when a comment lands, then it is taken back and the writer hears 404', async () => {
    const comments = createComments({ gate: w.gate, comments: w.comments, graph: w.graph, ...w.platform });
    await expect(comments.add('2', '1', { text: 'too late' })).rejects.toSatisfy(notFound);
    expect(await w.comments.list('1', null, '9', null, 10)).toEqual([]);
    expect((await w.engagement.counters(['1'])).get('1')).toEqual({ likes: 0, comments: 0 });
  });

  it('when a comment is deleted as someone likes it, then no like is left and the liker hears 404', async () => {
    const theirs = { id: '50', postId: '1', postAuthorId: '9', authorId: '3', parentId: null, text: 'hi', mentions: [], restricted: false, likes: 0, replies: 0, createdAt: new Date() };
    await w.comments.add(theirs, []);
    const racing = {
      ...w.comments,
      async like(...args: Parameters<typeof w.comments.like>) {
        await w.comments.remove('50', []);
        return w.comments.like(...args);
      },
    };
    const comments = createComments({ gate: w.gate, comments: racing, graph: w.graph, ...w.platform });
    await expect(comments.like('2', '1', '50', true)).rejects.toSatisfy(notFound);
    expect(await w.comments.likedAmong('2', ['50'])).toEqual(new Set());
  });

  it('when a page reads the counters between a like or comment and its taking back, then behind the counter cache they read zero after', async () => {
    for (const write of ['like', 'comment'] as const) {
      const x = world();
      const cache = createPostCounterCache({ max: 100, ttlMs: 60_000, clock: systemClock });
      const engagement = cache.engagement(x.engagement);
      const comments = cache.comments(x.comments);
      let between: unknown;
      const gate = {
        ...x.gate,
        async stillExists(postId: string) {
          between = (await engagement.counters([postId])).get(postId);
          return x.gate.stillExists(postId);
        },
      };
      const taking = write === 'like'
        ? createLikes({ gate, engagement, ...x.platform }).like('2', '1')
        : createComments({ gate, comments, graph: x.graph, ...x.platform }).add('2', '1', { text: 'too late' });
      await expect(taking).rejects.toSatisfy(notFound);
      expect(between).toEqual(write === 'like' ? { likes: 1, comments: 0 } : { likes: 0, comments: 1 });
      expect((await engagement.counters(['1'])).get('1')).toEqual({ likes: 0, comments: 0 });
    }
  });

  it('when a save lands, then it is taken back and the saver hears 404', async () => {
    const saves = createSaves({ gate: w.gate, saves: w.saves, ...w.platform });
    await expect(saves.save('2', '1')).rejects.toSatisfy(notFound);
    expect(await w.saves.savedAmong('2', ['1'])).toEqual(new Set());
  });
});
