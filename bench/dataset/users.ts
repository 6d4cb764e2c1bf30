import type { Sqlite } from '../../apps/server/src/adapters/sqlite/database.js';
import { createIdGenerator, type Id } from '../../apps/server/src/platform/ids.js';
import { deriveRng } from './rng.js';

const DAY_MS = 86_400_000;
/** Id shard used for generated users; other stages use their own so ids never collide. */
export const USER_SHARD = 8000;

export interface UserOptions {
  count: number;
  seed: number;
  /** The one Argon2id hash every generated user shares (hashing once keeps generation fast). */
  passwordHash: string;
  /** "Now" of the dataset: accounts are created over the year before it. */
  anchor: Date;
  /** Share of accounts that have not been active for more than 30 days (feed fan-out skips them). */
  inactiveShare?: number;
}

export interface GeneratedUsers {
  /** Index i is user number i: ids[i], usernames[i], createdAt[i] (ms) describe the same account. */
  ids: Id[];
  usernames: string[];
  createdAt: Float64Array;
}

/** user_0 … user_N-1: a bench can name any generated account without reading the database. */
export const usernameOf = (index: number): string => `user_${index}`;

const FIRST = ['Ada', 'Bo', 'Cleo', 'Dara', 'Eli', 'Faye', 'Gus', 'Hana', 'Ivo', 'Juno', 'Kai', 'Lea', 'Milo', 'Nia', 'Otto', 'Pia'];
const LAST = ['Moreau', 'Okafor', 'Silva', 'Tanaka', 'Novak', 'Haddad', 'Larsen', 'Costa', 'Ibarra', 'Kowalski', 'Nguyen', 'Reyes'];

/**
 * Inserts `count` accounts straight into the users table (one transaction per
 * 10,000 rows). Ids are real snowflake ids whose time is the account's creation.
 */
export function generateUsers(db: Sqlite, options: UserOptions): GeneratedUsers {
  const { count, anchor } = options;
  const rng = deriveRng(options.seed, 'users');
  const inactiveShare = options.inactiveShare ?? 0.2;
  const start = anchor.getTime() - 365 * DAY_MS;
  const spacing = (365 * DAY_MS - DAY_MS) / Math.max(1, count);
  let clock = start;
  const ids = createIdGenerator(USER_SHARD, () => clock);
  const result: GeneratedUsers = { ids: [], usernames: [], createdAt: new Float64Array(count) };
  const insert = db.prepare(
    `INSERT INTO users (id, username, email, password_hash, display_name, bio, website, avatar, is_private, created_at, last_active_at)
     VALUES (?, ?, ?, ?, ?, '', '', NULL, 0, ?, ?)`,
  );
  const insertBatch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      clock = Math.floor(start + i * spacing);
      const id = ids.next();
      const username = usernameOf(i);
      const inactive = rng.next() < inactiveShare;
      const lastActive = inactive
        ? Math.min(clock + rng.int(30) * DAY_MS, anchor.getTime() - 31 * DAY_MS)
        : anchor.getTime() - rng.int(3 * DAY_MS);
      const displayName = `${FIRST[rng.int(FIRST.length)]} ${LAST[rng.int(LAST.length)]}`;
      insert.run(BigInt(id), username, `${username}@bench.pictor.test`, options.passwordHash, displayName, clock, Math.max(clock, lastActive));
      result.ids.push(id);
      result.usernames.push(username);
      result.createdAt[i] = clock;
    }
  });
  for (let from = 0; from < count; from += 10_000) insertBatch(from, Math.min(count, from + 10_000));
  return result;
}
