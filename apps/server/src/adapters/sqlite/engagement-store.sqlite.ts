import type { DomainEvent } from '../../platform/events.js';
import type { Id } from '../../platform/ids.js';
import type { Affinity, EngagementStore, PostCounters } from '../../modules/interactions/public.js';
import { fromDb, idList, MAX_POSITION, num, type Sqlite, toDb } from './database.js';
import type { OutboxWriter } from './event-log.sqlite.js';

/** Likes and post counters; the counter moves in the same transaction as the like row. */
export function createSqliteEngagementStore(db: Sqlite, outbox: OutboxWriter): EngagementStore {
  const q = prepare(db);
  const like = db.transaction((post: bigint, user: bigint, author: bigint, at: number, seq: bigint, events) => {
    if (q.insertLike.run(post, user, author, at, seq).changes === 0) return false;
    q.bumpLikes.run({ post, delta: 1 });
    outbox.append(events);
    return true;
  });
  const unlike = db.transaction((post: bigint, user: bigint, events: (authorId: Id) => DomainEvent[]) => {
    const author = q.deleteLike.get(post, user);
    if (author === undefined) return false;
    q.bumpLikes.run({ post, delta: -1 });
    outbox.append(events(fromDb(author)));
    return true;
  });
  const rebuild = db.transaction(() => {
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS rebuilt_counters (post_id INTEGER PRIMARY KEY, likes INTEGER, comments INTEGER);
      DELETE FROM rebuilt_counters;
      INSERT INTO rebuilt_counters SELECT post_id, sum(l), sum(c) FROM (
        SELECT post_id, count(*) AS l, 0 AS c FROM post_likes GROUP BY post_id
        UNION ALL SELECT post_id, 0, count(*) FROM comments WHERE restricted = 0 GROUP BY post_id
      ) GROUP BY post_id;`);
    const corrected = num(db.prepare(`SELECT (SELECT count(*) FROM (
        SELECT post_id, likes, comments FROM rebuilt_counters WHERE likes + comments > 0
        EXCEPT SELECT post_id, likes, comments FROM post_counters WHERE likes + comments > 0))
      + (SELECT count(*) FROM (SELECT post_id FROM post_counters WHERE likes + comments > 0 EXCEPT SELECT post_id FROM rebuilt_counters))`).pluck().get());
    const posts = num(db.prepare('SELECT count(*) FROM rebuilt_counters').pluck().get());
    db.exec('DELETE FROM post_counters; INSERT INTO post_counters SELECT * FROM rebuilt_counters; DELETE FROM rebuilt_counters;');
    // Replies are looked up by (post_id, parent_id), the index's order: by parent alone
    // each comment's count scanned the whole table, quadratic in the number of comments.
    const commentsCorrected = db.prepare(`UPDATE comments SET
        likes = (SELECT count(*) FROM comment_likes WHERE comment_id = comments.id),
        replies = (SELECT count(*) FROM comments r WHERE r.post_id = comments.post_id AND r.parent_id = comments.id AND r.restricted = 0)
      WHERE likes != (SELECT count(*) FROM comment_likes WHERE comment_id = comments.id)
         OR replies != (SELECT count(*) FROM comments r WHERE r.post_id = comments.post_id AND r.parent_id = comments.id AND r.restricted = 0)`).run().changes;
    return { posts, corrected, commentsCorrected };
  });
  const forgetUser = db.transaction((user: bigint) => {
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS gone_comments (id INTEGER PRIMARY KEY);
      CREATE TEMP TABLE IF NOT EXISTS touched_posts (id INTEGER PRIMARY KEY);
      CREATE TEMP TABLE IF NOT EXISTS touched_comments (id INTEGER PRIMARY KEY);
      DELETE FROM gone_comments; DELETE FROM touched_posts; DELETE FROM touched_comments;`);
    for (const sql of FORGET_USER) db.prepare(sql).run({ user });
  });
  const forget = db.transaction((post: bigint) => {
    q.forgetCommentLikes.run(post);
    q.forgetComments.run(post);
    q.forgetLikes.run(post);
    q.forgetCounters.run(post);
  });

  return {
    async like(input, events) {
      return like(toDb(input.postId), toDb(input.userId), toDb(input.authorId), input.at.getTime(), toDb(input.seq), events) ? 'created' : 'exists';
    },
    async unlike(postId, userId, events) {
      return unlike(toDb(postId), toDb(userId), events);
    },
    async likers(postId, after, limit) {
      const rows = q.likers.all(toDb(postId), after === null ? MAX_POSITION : BigInt(after), limit + 1) as Record<string, unknown>[];
      const slice = rows.slice(0, limit);
      return { ids: slice.map((r) => fromDb(r.user_id)), next: rows.length > limit ? fromDb(slice[slice.length - 1]!.seq) : null };
    },
    async likedAmong(userId, postIds) {
      if (postIds.length === 0) return new Set();
      return new Set(q.likedAmong.all({ user: toDb(userId), ids: idList(postIds) }) as string[]);
    },
    async counters(postIds) {
      const result = new Map<Id, PostCounters>(postIds.map((id) => [id, { likes: 0, comments: 0 }]));
      if (postIds.length === 0) return result;
      // One row of "id likes comments …" triples: better-sqlite3 spends more on building a
      // JS row than SQLite spends finding it, and a ranked page asks for a whole window.
      const triples = (q.counters.get(idList(postIds)) as string | null)?.split(' ') ?? [];
      for (let i = 0; i + 2 < triples.length; i += 3) {
        result.set(triples[i]!, { likes: Number(triples[i + 1]), comments: Number(triples[i + 2]) });
      }
      return result;
    },
    async affinity(viewerId, authorIds) {
      const result = new Map<Id, Affinity>();
      if (authorIds.length === 0) return result;
      for (const [authorId, likes, comments] of q.affinity.all({ viewer: toDb(viewerId), ids: idList(authorIds) }) as [Id, number, number][]) {
        result.set(authorId, { likes, comments });
      }
      return result;
    },
    async rebuildCounters() {
      return rebuild();
    },
    async forgetPost(postId) {
      forget(toDb(postId));
    },
    async forgetUser(userId) {
      forgetUser(toDb(userId));
    },
  };
}

/**
 * What forgetUser runs, in order, inside one transaction: the account's comments and the
 * replies under them, the posts and comments whose counters that moves, the deletes, then
 * those counters set from the rows that remain (as rebuildCounters would, for just these).
 */
const FORGET_USER = [
  'INSERT INTO gone_comments SELECT id FROM comments WHERE author_id = @user',
  `INSERT OR IGNORE INTO gone_comments SELECT r.id FROM comments c JOIN comments r ON r.post_id = c.post_id AND r.parent_id = c.id
     WHERE c.author_id = @user AND c.parent_id IS NULL`,
  'INSERT OR IGNORE INTO touched_posts SELECT post_id FROM post_likes WHERE user_id = @user',
  // "id IN (temp table)" rather than a join: joined, SQLite scans all of comments and probes the temp table.
  'INSERT OR IGNORE INTO touched_posts SELECT post_id FROM comments WHERE id IN (SELECT id FROM gone_comments)',
  'INSERT OR IGNORE INTO touched_comments SELECT comment_id FROM comment_likes WHERE user_id = @user',
  'INSERT OR IGNORE INTO touched_comments SELECT parent_id FROM comments WHERE id IN (SELECT id FROM gone_comments) AND parent_id IS NOT NULL',
  'DELETE FROM touched_comments WHERE id IN (SELECT id FROM gone_comments)',
  'DELETE FROM comment_likes WHERE user_id = @user OR comment_id IN (SELECT id FROM gone_comments)',
  'DELETE FROM comments WHERE id IN (SELECT id FROM gone_comments)',
  'DELETE FROM post_likes WHERE user_id = @user',
  `UPDATE comments SET likes = (SELECT count(*) FROM comment_likes WHERE comment_id = comments.id),
     replies = (SELECT count(*) FROM comments r WHERE r.post_id = comments.post_id AND r.parent_id = comments.id AND r.restricted = 0)
     WHERE id IN (SELECT id FROM touched_comments)`,
  `INSERT INTO post_counters (post_id, likes, comments)
     SELECT t.id, (SELECT count(*) FROM post_likes WHERE post_id = t.id), (SELECT count(*) FROM comments WHERE post_id = t.id AND restricted = 0)
     FROM touched_posts t WHERE true -- the WHERE tells SQLite's parser the ON below is the upsert's
     ON CONFLICT(post_id) DO UPDATE SET likes = excluded.likes, comments = excluded.comments`,
];

function prepare(db: Sqlite) {
  return {
    insertLike: db.prepare('INSERT OR IGNORE INTO post_likes (post_id, user_id, author_id, created_at, seq) VALUES (?, ?, ?, ?, ?)'),
    deleteLike: db.prepare('DELETE FROM post_likes WHERE post_id = ? AND user_id = ? RETURNING author_id').pluck(),
    bumpLikes: preparePostCounterBump(db, 'likes'),
    likers: db.prepare('SELECT user_id, seq FROM post_likes WHERE post_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?'),
    // The per-page reads below hand back ids as text and counts as plain numbers: SQLite's
    // formatting is cheaper than a BigInt per value and its toString, on every feed page.
    likedAmong: db.prepare('SELECT CAST(j.value AS TEXT) FROM json_each(@ids) j WHERE EXISTS(SELECT 1 FROM post_likes WHERE post_id = j.value AND user_id = @user)').pluck(),
    counters: db.prepare(`SELECT group_concat(c.post_id || ' ' || c.likes || ' ' || c.comments, ' ')
      FROM json_each(?) j JOIN post_counters c ON c.post_id = j.value`).pluck(),
    affinity: db.prepare(`SELECT CAST(j.value AS TEXT),
        (SELECT count(*) FROM post_likes WHERE user_id = @viewer AND author_id = j.value),
        (SELECT count(*) FROM comments WHERE author_id = @viewer AND post_author_id = j.value)
      FROM json_each(@ids) j`).raw().safeIntegers(false),
    forgetCommentLikes: db.prepare('DELETE FROM comment_likes WHERE comment_id IN (SELECT id FROM comments WHERE post_id = ?)'),
    forgetComments: db.prepare('DELETE FROM comments WHERE post_id = ?'),
    forgetLikes: db.prepare('DELETE FROM post_likes WHERE post_id = ?'),
    forgetCounters: db.prepare('DELETE FROM post_counters WHERE post_id = ?'),
  };
}

/**
 * Moves one of a post's derived counters by `@delta` (never below zero), creating the
 * row on first use. Likes and comments both keep `post_counters`, inside their own transactions.
 */
export function preparePostCounterBump(db: Sqlite, column: 'likes' | 'comments') {
  return db.prepare<{ post: bigint; delta: number }>(
    `INSERT INTO post_counters (post_id, ${column}) VALUES (@post, max(@delta, 0))
     ON CONFLICT(post_id) DO UPDATE SET ${column} = max(${column} + @delta, 0)`,
  );
}
