import type { Id } from '../../platform/ids.js';
import type { TimelineStore } from '../../modules/feed/public.js';
import { fromDb, idList, MAX_POSITION, num, type Sqlite, toDb } from './database.js';

/**
 * Timelines in SQLite. A fan-out batch is one transaction whatever its size: rows go
 * in grouped by reader (each reader's newest rows share a page, so a batch of many
 * posts dirties about one page per reader), then one size bump per reader, then the
 * few timelines past capacity are trimmed. Trimming waits for `slack` extra rows so
 * it runs once per ~slack inserts, not per insert.
 */
export function createSqliteTimelineStore(db: Sqlite, options: { capacity: number }): TimelineStore {
  const capacity = options.capacity;
  const slack = Math.max(8, Math.floor(capacity / 8));
  const q = prepare(db);

  function trimIfFull(readers: string) {
    for (const userId of q.overfull.pluck().all(readers, capacity + slack) as bigint[]) {
      const floor = q.nthNewest.pluck().get(userId, capacity - 1) as bigint | undefined;
      if (floor !== undefined) q.trimBelow.run(userId, floor);
      q.setSize.run(userId, userId);
    }
  }
  const push = db.transaction((byReader: Map<Id, [post: bigint, author: bigint][]>) => {
    let added = 0;
    for (const [readerId, rows] of byReader) {
      const user = toDb(readerId);
      let n = 0;
      for (const [post, author] of rows) n += q.insertOne.run(user, post, author).changes;
      if (n > 0) q.bumpOne.run({ user, n });
      added += n;
    }
    trimIfFull(idList([...byReader.keys()]));
    return added;
  });
  return {
    async push(deliveries) {
      const byReader = new Map<Id, [bigint, bigint][]>();
      for (const { entry, readerIds } of deliveries) {
        const row: [bigint, bigint] = [toDb(entry.postId), toDb(entry.authorId)];
        for (const readerId of readerIds) {
          const rows = byReader.get(readerId);
          if (rows) rows.push(row);
          else byReader.set(readerId, [row]);
        }
      }
      return byReader.size === 0 ? 0 : push(byReader);
    },
    async read(readerId, beforeId, limit) {
      const rows = q.read.all(toDb(readerId), beforeId === null ? MAX_POSITION : toDb(beforeId), limit) as [string, string][];
      return rows.map(([postId, authorId]) => ({ postId, authorId }));
    },
    async removeAuthor(readerId, authorId) {
      return q.removeAuthor.run(toDb(readerId), toDb(authorId)).changes;
    },
    async removePost(postId) {
      return q.removePost.run(toDb(postId)).changes;
    },
    async lastRead(readerId) {
      const at = q.lastRead.pluck().get(toDb(readerId));
      return at === undefined || at === null ? null : new Date(num(at));
    },
    async markRead(readerId, at) {
      q.markRead.run({ user: toDb(readerId), at: at.getTime() });
    },
    async celebrities() {
      return (q.celebrities.pluck().all() as bigint[]).map(fromDb);
    },
    async setCelebrity(authorId, on) {
      (on ? q.addCelebrity : q.removeCelebrity).run(toDb(authorId));
    },
  };
}

function prepare(db: Sqlite) {
  return {
    insertOne: db.prepare('INSERT OR IGNORE INTO timelines (user_id, post_id, author_id) VALUES (?, ?, ?)'),
    bumpOne: db.prepare(
      'INSERT INTO timeline_meta (user_id, size) VALUES (@user, @n) ON CONFLICT(user_id) DO UPDATE SET size = size + @n',
    ),
    overfull: db.prepare('SELECT user_id FROM timeline_meta WHERE user_id IN (SELECT value FROM json_each(?)) AND size > ?'),
    nthNewest: db.prepare('SELECT post_id FROM timelines WHERE user_id = ? ORDER BY post_id DESC LIMIT 1 OFFSET ?'),
    trimBelow: db.prepare('DELETE FROM timelines WHERE user_id = ? AND post_id < ?'),
    setSize: db.prepare('UPDATE timeline_meta SET size = (SELECT count(*) FROM timelines WHERE user_id = ?) WHERE user_id = ?'),
    // Ids leave as text: every feed page reads this, and SQLite's formatting beats a BigInt per id plus its toString.
    read: db.prepare('SELECT CAST(post_id AS TEXT), CAST(author_id AS TEXT) FROM timelines WHERE user_id = ? AND post_id < ? ORDER BY post_id DESC LIMIT ?').raw(),
    removeAuthor: db.prepare('DELETE FROM timelines WHERE user_id = ? AND author_id = ?'),
    removePost: db.prepare('DELETE FROM timelines WHERE post_id = ?'),
    lastRead: db.prepare('SELECT read_at FROM timeline_meta WHERE user_id = ?'),
    markRead: db.prepare(
      'INSERT INTO timeline_meta (user_id, size, read_at) VALUES (@user, 0, @at) ON CONFLICT(user_id) DO UPDATE SET read_at = @at',
    ),
    celebrities: db.prepare('SELECT author_id FROM feed_celebrities'),
    addCelebrity: db.prepare('INSERT OR IGNORE INTO feed_celebrities (author_id) VALUES (?)'),
    removeCelebrity: db.prepare('DELETE FROM feed_celebrities WHERE author_id = ?'),
  };
}
