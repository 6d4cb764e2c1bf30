import { join } from 'node:path';
import { openSqlite } from '../../apps/server/src/adapters/sqlite/database.js';

/** The password hash generated accounts share, read back from the dataset (read-only use). */
export function storedHash(dataDir: string): string {
  const db = openSqlite(join(dataDir, 'pictor.db'));
  try {
    return String(db.prepare('SELECT password_hash FROM users LIMIT 1').pluck().get());
  } finally {
    db.close();
  }
}
