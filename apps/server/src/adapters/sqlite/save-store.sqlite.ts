import type { SaveStore } from '../../modules/interactions/public.js';
import { fromDb, idList, MAX_POSITION, type Sqlite, toDb } from './database.js';

export function createSqliteSaveStore(db: Sqlite): SaveStore {
  const insert = db.prepare('INSERT OR IGNORE INTO saves (user_id, post_id, created_at, seq) VALUES (?, ?, ?, ?)');
  const remove = db.prepare('DELETE FROM saves WHERE user_id = ? AND post_id = ?');
  const page = db.prepare('SELECT post_id, seq FROM saves WHERE user_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?');
  const among = db.prepare('SELECT CAST(j.value AS TEXT) FROM json_each(@ids) j WHERE EXISTS(SELECT 1 FROM saves WHERE user_id = @user AND post_id = j.value)').pluck();
  const forget = db.prepare('DELETE FROM saves WHERE post_id = ?');
  const forgetUser = db.prepare('DELETE FROM saves WHERE user_id = ?');
  return {
    async save(userId, postId, seq, at) {
      return insert.run(toDb(userId), toDb(postId), at.getTime(), toDb(seq)).changes > 0 ? 'created' : 'exists';
    },
    async unsave(userId, postId) {
      return remove.run(toDb(userId), toDb(postId)).changes > 0;
    },
    async saved(userId, after, limit) {
      const rows = page.all(toDb(userId), after === null ? MAX_POSITION : BigInt(after), limit + 1) as Record<string, unknown>[];
      const slice = rows.slice(0, limit);
      return { ids: slice.map((r) => fromDb(r.post_id)), next: rows.length > limit ? fromDb(slice[slice.length - 1]!.seq) : null };
    },
    async savedAmong(userId, postIds) {
      if (postIds.length === 0) return new Set();
      return new Set(among.all({ user: toDb(userId), ids: idList(postIds) }) as string[]);
    },
    async forgetPost(postId) {
      forget.run(toDb(postId));
    },
    async forgetUser(userId) {
      forgetUser.run(toDb(userId));
    },
  };
}
