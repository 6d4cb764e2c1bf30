import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations/index.js';

export type Sqlite = Database.Database;

/**
 * Opens the embedded database in WAL mode (readers never block the writer) and
 * brings its schema up to date. Integers come back as BigInt so 64-bit ids survive.
 */
export function openSqlite(file: string): Sqlite {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL'); // durable at each checkpoint; safe with WAL
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536'); // 64 MiB page cache
  db.pragma('temp_store = MEMORY');
  // Reads map the file instead of copying each page through a read() call: about
  // 5 % less server CPU per ranked feed page (bench/feed.bench.ts dataset, 174 MB).
  db.pragma('mmap_size = 1073741824');
  // A fan-out batch dirties about one page per reader; checkpointing every 64 MiB of
  // WAL rather than every 4 MiB lets a page rewritten by consecutive batches be copied
  // back once (1.6x the timeline insert rate in bench/feed.bench.ts). The file is
  // cut back to that size after each checkpoint.
  db.pragma('wal_autocheckpoint = 16000');
  db.pragma('journal_size_limit = 67108864');
  db.defaultSafeIntegers(true);
  migrate(db);
  return db;
}

function migrate(db: Sqlite): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const applied = new Set(db.prepare('SELECT name FROM schema_migrations').pluck().all() as string[]);
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.name)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(migration.name, Date.now());
    })();
  }
}

/** Above every id: the "from the top" position for `id < ?` range scans. */
export const MAX_POSITION = 9223372036854775807n;
const DIGIT_LIST = /^\[(?:\d{1,19}(?:,\d{1,19})*)?\]$/;
/**
 * Many ids as one bound parameter: a JSON array read with json_each(), so a batch
 * of any size is one statement. One pattern test over the whole list lets only
 * digits reach SQL; it replaced a BigInt per id, a tenth of a feed page's queries.
 */
export function idList(ids: readonly string[]): string {
  const list = `[${ids.join(',')}]`;
  if (!DIGIT_LIST.test(list)) throw new TypeError('idList takes decimal ids only');
  return list;
}

/** Binds a decimal id as the 64-bit integer SQLite stores. */
export const toDb = (id: string): bigint => BigInt(id);
/** Reads a 64-bit integer column back as the decimal id the domain uses. */
export const fromDb = (value: unknown): string => String(value);
/** Reads a count or small integer column. */
export const num = (value: unknown): number => Number(value);
