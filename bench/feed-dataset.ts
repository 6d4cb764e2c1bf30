/**
 * Posts, timelines and sessions on top of helper B's users + power-law follows
 * (bench/dataset): posts go straight into the posts tables by SQL; timelines are
 * filled through the real fan-out (and timed: fan-out inserts/s).
 */
import { randomBytes } from 'node:crypto';
import type { Sqlite } from '../apps/server/src/adapters/sqlite/database.js';
import { createSqliteEngagementStore } from '../apps/server/src/adapters/sqlite/engagement-store.sqlite.js';
import { createOutboxWriter } from '../apps/server/src/adapters/sqlite/event-log.sqlite.js';
import { loadConfig } from '../apps/server/src/config/config.js';
import { compose } from '../apps/server/src/main/compose.js';
import { hashToken } from '../apps/server/src/modules/accounts/tokens.js';
import { createIdGenerator, type Id, idEpochMs } from '../apps/server/src/platform/ids.js';
import { createZipf, deriveRng } from './dataset/index.js';

const DAY_MS = 86_400_000;
const POST_SHARD = 8100;
const ENGAGEMENT_SHARD = 8101;

const variants = (i: number) => JSON.stringify(Object.fromEntries(
  [['thumb', 150, 150], ['feed', 640, 640], ['full', 1080, 1080]].map(([name, w, h]) => [name, { width: w, height: h, webp: `bench/${i}/${name}.webp`, jpeg: `bench/${i}/${name}.jpg` }]),
));

/** Inserts `count` posts over the 30 days before `anchor`, authors drawn by a Zipf law. Returns ids oldest first. */
export function generatePosts(db: Sqlite, userIds: Id[], count: number, anchor: Date, seed = 42): { ids: Id[]; owners: Id[] } {
  const rng = deriveRng(seed, 'posts');
  const pick = createZipf(userIds.length, 0.8, rng);
  const start = anchor.getTime() - 30 * DAY_MS;
  let clock = start;
  const gen = createIdGenerator(POST_SHARD, () => clock);
  const post = db.prepare(`INSERT INTO posts (id, owner_id, caption, hashtags, mentions, location, tags, crop, created_at, updated_at)
    VALUES (?, ?, ?, '[]', '[]', NULL, '[]', '1:1', ?, ?)`);
  const photo = db.prepare(`INSERT INTO post_photos (post_id, position, owner_id, alt, filter, width, height, color, placeholder, variants, original_key, sha256, phash)
    VALUES (?, 0, ?, '', 'normal', 1080, 1080, '#808080', 'AAAA', ?, 'bench/original', ?, '0000000000000000')`);
  const ids: Id[] = [];
  const owners: Id[] = [];
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      clock = Math.floor(start + (i * 30 * DAY_MS) / count);
      const id = gen.next();
      const owner = userIds[pick() - 1] ?? userIds[0]!;
      post.run(BigInt(id), BigInt(owner), `bench post ${i}`, clock, clock);
      photo.run(BigInt(id), BigInt(owner), variants(i), `sha${i}`);
      ids.push(id);
      owners.push(owner);
    }
  });
  for (let from = 0; from < count; from += 10_000) batch(from, Math.min(count, from + 10_000));
  db.exec('INSERT OR REPLACE INTO post_counts (owner_id, posts) SELECT owner_id, count(*) FROM posts GROUP BY owner_id');
  return { ids, owners };
}

/** What generateEngagement wrote. */
export interface Engagement { likes: number; comments: number; likedPosts: number }

/**
 * Likes and comments on the generated posts, the way a photo community has them:
 * per post a heavy-tailed count (Pareto, shape 1.2: most posts get a handful, a few
 * get hundreds), capped by the author's followers, given by those followers (so the
 * feed's affinity has something to find); about one comment per eight likes, one in
 * five of them a reply. Rows go in by SQL, then the derived counters are rebuilt from
 * them exactly as `npm run rebuild-counters` would, so reads see real counter rows.
 */
export async function generateEngagement(db: Sqlite, posts: { ids: Id[]; owners: Id[] }, seed = 42): Promise<Engagement> {
  const rng = deriveRng(seed, 'engagement');
  const followersOf = new Map<string, bigint[]>();
  for (const [follower, followee] of db.prepare('SELECT follower_id, followee_id FROM follows').raw().safeIntegers(true).iterate() as Iterable<[bigint, bigint]>) {
    const key = String(followee);
    let list = followersOf.get(key);
    if (!list) followersOf.set(key, (list = []));
    list.push(follower);
  }
  let clock = 0;
  const gen = createIdGenerator(ENGAGEMENT_SHARD, () => clock);
  let seq = 0n;
  const like = db.prepare('INSERT OR IGNORE INTO post_likes (post_id, user_id, author_id, created_at, seq) VALUES (?, ?, ?, ?, ?)');
  const comment = db.prepare(`INSERT INTO comments (id, post_id, post_author_id, author_id, parent_id, text, mentions, created_at)
    VALUES (?, ?, ?, ?, ?, ?, '[]', ?)`);
  const totals: Engagement = { likes: 0, comments: 0, likedPosts: 0 };
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const fans = followersOf.get(posts.owners[i]!);
      if (!fans) continue;
      const postId = BigInt(posts.ids[i]!);
      const author = BigInt(posts.owners[i]!);
      const postedAt = idEpochMs(posts.ids[i]!);
      const wanted = Math.min(fans.length, Math.floor(2 / (1 - rng.next()) ** (1 / 1.2)) - 1);
      let liked = 0;
      for (let k = 0; k < wanted; k++) {
        liked += like.run(postId, fans[rng.int(fans.length)]!, author, postedAt + 60_000 * (k + 1), ++seq).changes;
      }
      if (liked > 0) totals.likedPosts++;
      totals.likes += liked;
      const topLevel: bigint[] = [];
      for (let k = 0; k < Math.round(wanted / 8); k++) {
        clock = postedAt + 90_000 * (k + 1);
        const id = BigInt(gen.next());
        const parent = topLevel.length > 0 && rng.next() < 0.2 ? topLevel[rng.int(topLevel.length)]! : null;
        comment.run(id, postId, author, fans[rng.int(fans.length)]!, parent, `bench comment ${k}`, clock);
        if (parent === null) topLevel.push(id);
        totals.comments++;
      }
    }
  });
  for (let from = 0; from < posts.ids.length; from += 10_000) batch(from, Math.min(posts.ids.length, from + 10_000));
  await createSqliteEngagementStore(db, createOutboxWriter(db)).rebuildCounters();
  return totals;
}

/**
 * Fans every post out through the real feed module (compose, as the worker runs it:
 * followers paged from the graph, the activity cut-off, the celebrity rule, batched
 * transactions), in batches of 1,000 posts as the outbox consumer reads them, with
 * the clock at the dataset's anchor. Answers rows written and seconds spent.
 */
export async function fanOutAll(dataDir: string, posts: { ids: Id[]; owners: Id[] }, anchor: Date) {
  const config = loadConfig({ PICTOR_DATA_DIR: dataDir, PICTOR_ROLES: 'worker', PICTOR_LOG_LEVEL: 'warn' });
  const pictor = await compose(config, { clock: { now: () => new Date(anchor) } });
  let rows = 0;
  const started = performance.now();
  for (let from = 0; from < posts.ids.length; from += 1000) {
    const entries = posts.ids.slice(from, from + 1000).map((postId, i) => ({ postId, authorId: posts.owners[from + i]! }));
    rows += await pictor.feed.fanOut(entries);
  }
  const seconds = (performance.now() - started) / 1000;
  pictor.db.prepare('UPDATE timeline_meta SET read_at = ?').run(Date.now());
  await pictor.stop();
  return { rows, seconds };
}

/** Bearer tokens for the given users, written as sessions (no Argon2 sign-in per user). */
export function createSessions(db: Sqlite, userIds: readonly Id[]): string[] {
  const insert = db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, user_agent) VALUES (?, ?, ?, ?, ?)');
  const now = Date.now();
  const tokens: string[] = [];
  db.transaction(() => {
    for (const id of userIds) {
      const token = randomBytes(32).toString('base64url');
      insert.run(hashToken(token), BigInt(id), now, now, 'bench');
      tokens.push(token);
    }
  })();
  return tokens;
}
