import type { RecentPosts } from '../../modules/feed/public.js';
import { fromDb, idList, MAX_POSITION, type Sqlite, toDb } from './database.js';

/**
 * The feed's pull side, read straight from the posts table (a read model: the
 * posts module owns the rows). The correlated LIMIT walks the (owner_id, id) index
 * newest first for each author and stops after `limit`, so many authors stay cheap.
 */
export function createSqliteRecentPosts(db: Sqlite): RecentPosts {
  const perAuthor = db.prepare(`SELECT p.id, p.owner_id FROM json_each(@authors) j
      JOIN posts p ON p.owner_id = j.value AND p.id IN (
        SELECT id FROM posts WHERE owner_id = j.value AND archived_at IS NULL AND id < @before ORDER BY id DESC LIMIT @limit)
      ORDER BY p.id DESC LIMIT @limit`);
  return {
    async recentByAuthors(authorIds, beforeId, limit) {
      if (authorIds.length === 0 || limit <= 0) return [];
      const rows = perAuthor.all({ authors: idList(authorIds), before: beforeId === null ? MAX_POSITION : toDb(beforeId), limit }) as Record<string, unknown>[];
      return rows.map((row) => ({ postId: fromDb(row.id), authorId: fromDb(row.owner_id) }));
    },
  };
}
