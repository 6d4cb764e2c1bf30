/**
 * The benchmark dataset: a real Pictor data directory (SQLite through the real
 * migrations) filled with users and a power-law follow graph. Later stages
 * (posts, timelines) import `createDataset`, add their rows to the open
 * database, record what they made in the manifest and call `closeDataset`.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createArgon2Hasher } from '../../apps/server/src/adapters/argon2/password-hasher.argon2.js';
import { openSqlite, type Sqlite } from '../../apps/server/src/adapters/sqlite/database.js';
import { type FollowOptions, type GeneratedFollows, generateFollows } from './follows.js';
import { hashingOf, type Manifest, percentiles, writeManifest } from './manifest.js';
import { type GeneratedUsers, generateUsers } from './users.js';

export { type GeneratedFollows, generateFollows, type HeavyAccount, withoutIndexes } from './follows.js';
export { type Manifest, MANIFEST_FILE, readManifest, writeManifest } from './manifest.js';
export { createRng, createZipf, deriveRng, permutation, type Rng } from './rng.js';
export { type GeneratedUsers, generateUsers, usernameOf } from './users.js';

export const DEFAULT_PASSWORD = 'bench-Pictor-correct-horse-42';

export interface DatasetOptions extends Omit<FollowOptions, 'seed' | 'anchor'> {
  /** The data directory to create (what PICTOR_DATA_DIR will point at). */
  out: string;
  users: number;
  seed?: number;
  /** "Now" for the dataset; defaults to today at midnight UTC. */
  anchor?: Date;
  /** Replace an existing dataset in `out`. */
  force?: boolean;
  inactiveShare?: number;
}

export interface Dataset {
  dir: string;
  db: Sqlite;
  users: GeneratedUsers;
  follows: GeneratedFollows;
  manifest: Manifest;
}

export async function createDataset(options: DatasetOptions): Promise<Dataset> {
  const started = performance.now();
  const dir = resolve(options.out);
  prepareDirectory(dir, options.force ?? false);
  const seed = options.seed ?? 42;
  const anchor = options.anchor ?? todayUtc();
  const passwordHash = await createArgon2Hasher().hash(DEFAULT_PASSWORD);

  const db = openSqlite(join(dir, 'pictor.db'));
  db.pragma('synchronous = OFF'); // a crash mid-generation just means generating again
  db.pragma('cache_size = -1048576'); // 1 GiB while bulk loading: random-order index inserts stay in memory
  const users = generateUsers(db, { count: options.users, seed, passwordHash, anchor, inactiveShare: options.inactiveShare });
  const follows = generateFollows(db, users, { ...options, seed, anchor });
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -65536');

  const manifest: Manifest = {
    version: 1,
    seed,
    anchor: anchor.toISOString(),
    generatedInMs: Math.round(performance.now() - started),
    password: DEFAULT_PASSWORD,
    passwordHashing: hashingOf(passwordHash),
    users: { count: options.users, usernamePattern: 'user_{index}', firstId: users.ids[0] ?? '0', lastId: users.ids.at(-1) ?? '0' },
    follows: {
      count: follows.count,
      ...follows.settings,
      followers: percentiles(follows.followers),
      following: percentiles(follows.following),
    },
    heaviest: follows.heaviest,
    celebrity: follows.celebrity,
  };
  writeManifest(dir, manifest);
  return { dir, db, users, follows, manifest };
}

/** Folds the WAL back into the database file and closes it, leaving a directory ready to copy or serve. */
export function closeDataset(dataset: Pick<Dataset, 'db'>): void {
  dataset.db.pragma('wal_checkpoint(TRUNCATE)');
  dataset.db.close();
}

function prepareDirectory(dir: string, force: boolean) {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!force) throw new Error(`${dir} is not empty; pass --force to replace it`);
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
}

function todayUtc(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
