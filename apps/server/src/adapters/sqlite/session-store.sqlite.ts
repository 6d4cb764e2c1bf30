import type { Session, SessionStore } from '../../modules/accounts/public.js';
import { fromDb, num, toDb, type Sqlite } from './database.js';

export function createSqliteSessionStore(db: Sqlite): SessionStore {
  const insert = db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, user_agent) VALUES (?, ?, ?, ?, ?)');
  const find = db.prepare('SELECT token_hash, user_id, created_at, last_seen_at, user_agent FROM sessions WHERE token_hash = ?');
  const touch = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
  const removeAll = db.prepare('DELETE FROM sessions WHERE user_id = ?');
  const removeOthers = db.prepare('DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?');
  return {
    async create(session) {
      insert.run(session.tokenHash, toDb(session.userId), session.createdAt.getTime(), session.lastSeenAt.getTime(), session.userAgent);
    },
    async find(tokenHash) {
      const row = find.get(tokenHash) as Record<string, unknown> | undefined;
      if (!row) return null;
      return {
        tokenHash: row.token_hash as Buffer,
        userId: fromDb(row.user_id),
        createdAt: new Date(num(row.created_at)),
        lastSeenAt: new Date(num(row.last_seen_at)),
        userAgent: String(row.user_agent),
      } satisfies Session;
    },
    async touch(tokenHash, at) {
      touch.run(at.getTime(), tokenHash);
    },
    async delete(tokenHash) {
      remove.run(tokenHash);
    },
    async deleteForUser(userId, keep) {
      if (keep) removeOthers.run(toDb(userId), keep);
      else removeAll.run(toDb(userId));
    },
  };
}
