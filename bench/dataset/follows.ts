import type { Sqlite } from '../../apps/server/src/adapters/sqlite/database.js';
import { createIdGenerator, type Id } from '../../apps/server/src/platform/ids.js';
import { createZipf, deriveRng, permutation, type Rng } from './rng.js';
import type { GeneratedUsers } from './users.js';

export const FOLLOW_SHARD = 8001;

export interface FollowOptions {
  seed: number;
  anchor: Date;
  /** Roughly how many follow edges in all (default 20 per user). */
  follows?: number;
  /** Zipf exponent of popularity: higher concentrates followers on fewer accounts. */
  zipfExponent?: number;
  /** When > 0, the most popular account is followed by exactly this share of all users. */
  celebrityShare?: number;
  /** Upper bound on how many accounts one user follows. */
  maxFollowing?: number;
}

export interface HeavyAccount {
  id: Id;
  username: string;
  index: number;
  followers: number;
}

export interface GeneratedFollows {
  count: number;
  followers: Uint32Array;
  following: Uint32Array;
  /** The 20 accounts with the most followers, most first. */
  heaviest: HeavyAccount[];
  /** The account followed by `celebrityShare` of users, when asked for. */
  celebrity: HeavyAccount | null;
  settings: Required<Omit<FollowOptions, 'seed' | 'anchor'>>;
}

/**
 * Builds a power-law follow graph and writes it through the real schema, with
 * follow_counts exact. Who follows whom: each user follows k accounts (k
 * heavy-tailed, Pareto with alpha 2), each drawn by Zipf popularity rank.
 */
export function generateFollows(db: Sqlite, users: GeneratedUsers, options: FollowOptions): GeneratedFollows {
  const n = users.ids.length;
  const settings = {
    follows: options.follows ?? n * 20,
    zipfExponent: options.zipfExponent ?? 0.9,
    celebrityShare: options.celebrityShare ?? 0,
    maxFollowing: Math.min(options.maxFollowing ?? 2_000, Math.max(0, n - 2)),
  };
  const rng = deriveRng(options.seed, 'follows');
  const byRank = permutation(n, rng);
  const celebrityFans = settings.celebrityShare > 0 && n > 1
    ? new Set(Array.from(permutation(n, rng).filter((u) => u !== byRank[0]).subarray(0, Math.round(settings.celebrityShare * n))))
    : null;
  const degrees = outDegrees(n, Math.max(0, settings.follows - (celebrityFans?.size ?? 0)), settings.maxFollowing, rng);

  const edges = drawEdges(n, degrees, byRank, celebrityFans, settings.zipfExponent, rng);
  const followers = new Uint32Array(n);
  const following = new Uint32Array(n);
  for (let e = 0; e < edges.from.length; e++) {
    following[edges.from[e]!]!++;
    followers[edges.to[e]!]!++;
  }
  writeFollows(db, users, edges, options.anchor.getTime(), rng);
  writeCounts(db, users, followers, following);

  const heavy = (index: number): HeavyAccount => ({ id: users.ids[index]!, username: users.usernames[index]!, index, followers: followers[index]! });
  const heaviest = Array.from(byRank, heavy).sort((a, b) => b.followers - a.followers || a.index - b.index).slice(0, 20);
  return { count: edges.from.length, followers, following, heaviest, celebrity: celebrityFans ? heavy(byRank[0]!) : null, settings };
}

/** Heavy-tailed out-degrees scaled so their sum is the asked-for total (as far as the cap allows). */
function outDegrees(n: number, total: number, cap: number, rng: Rng): Uint32Array {
  const degrees = new Uint32Array(n);
  const xmin = Math.max(0.5, total / n / 2); // Pareto alpha=2 has mean 2*xmin
  let sum = 0;
  for (let i = 0; i < n; i++) {
    degrees[i] = Math.min(cap, Math.floor(xmin / Math.sqrt(1 - rng.next())));
    sum += degrees[i]!;
  }
  for (let guard = 0; sum !== total && guard < total * 4 + n; guard++) {
    const i = rng.int(n);
    if (sum < total && degrees[i]! < cap) { degrees[i]!++; sum++; }
    else if (sum > total && degrees[i]! > 0) { degrees[i]!--; sum--; }
  }
  return degrees;
}

interface Edges { from: Uint32Array; to: Uint32Array }

function drawEdges(n: number, degrees: Uint32Array, byRank: Uint32Array, fans: Set<number> | null, exponent: number, rng: Rng): Edges {
  const zipf = createZipf(n, exponent, rng);
  const celebrity = fans ? byRank[0]! : -1;
  const total = degrees.reduce((a, b) => a + b, 0) + (fans?.size ?? 0);
  const from = new Uint32Array(total);
  const to = new Uint32Array(total);
  let e = 0;
  const chosen = new Set<number>();
  for (let u = 0; u < n; u++) {
    chosen.clear();
    if (fans?.has(u)) chosen.add(celebrity);
    const want = Math.min(n - 1, degrees[u]! + chosen.size);
    // Zipf draws rarely reach the tail, so after many misses fill uniformly instead of looping forever.
    for (let tries = 0; chosen.size < want; tries++) {
      const v = tries < want * 50 ? byRank[zipf()]! : rng.int(n);
      if (v !== u && v !== celebrity) chosen.add(v);
    }
    for (const v of chosen) { from[e] = u; to[e] = v; e++; }
  }
  return { from: from.subarray(0, e), to: to.subarray(0, e) };
}

/** Each follow happens at a random moment after both accounts exist; seq ids follow that time order. */
function writeFollows(db: Sqlite, users: GeneratedUsers, edges: Edges, anchorMs: number, rng: Rng) {
  const count = edges.from.length;
  const at = new Float64Array(count);
  for (let e = 0; e < count; e++) {
    const since = Math.max(users.createdAt[edges.from[e]!]!, users.createdAt[edges.to[e]!]!);
    at[e] = Math.floor(since + rng.next() * (anchorMs - since));
  }
  // A plain array: V8 sorts it with a comparator far faster than a typed array.
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => at[a]! - at[b]!);
  let clock = 0;
  const ids = createIdGenerator(FOLLOW_SHARD, () => clock);
  const seqs = new Array<bigint>(count);
  for (const e of order) {
    clock = at[e]!;
    seqs[e] = BigInt(ids.next());
  }
  const userIds = users.ids.map((id) => BigInt(id));
  const insert = db.prepare('INSERT INTO follows (follower_id, followee_id, created_at, seq) VALUES (?, ?, ?, ?)');
  // Edges come grouped by follower, so the primary key grows in order; the secondary
  // indexes are dropped and rebuilt afterwards (one sort instead of 2 random inserts per row).
  withoutIndexes(db, 'follows', () => {
    const batch = db.transaction((from: number, to: number) => {
      for (let e = from; e < to; e++) insert.run(userIds[edges.from[e]!], userIds[edges.to[e]!], at[e], seqs[e]);
    });
    for (let e = 0; e < count; e += 50_000) batch(e, Math.min(count, e + 50_000));
  });
}

/** Runs a bulk load with the table's secondary indexes dropped, then recreates them exactly as the migrations made them. */
export function withoutIndexes(db: Sqlite, table: string, load: () => void): void {
  const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").all(table) as { name: string; sql: string }[];
  for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
  try {
    load();
  } finally {
    for (const index of indexes) db.exec(index.sql);
  }
}

function writeCounts(db: Sqlite, users: GeneratedUsers, followers: Uint32Array, following: Uint32Array) {
  const insert = db.prepare('INSERT INTO follow_counts (user_id, followers, following) VALUES (?, ?, ?)');
  db.transaction(() => {
    users.ids.forEach((id, i) => {
      insert.run(BigInt(id), followers[i], following[i]);
    });
  })();
}
