/**
 * npx tsx bench/feed.bench.ts [--users 10000] [--posts 100000] [--seconds 8] [--rounds 5] [--rebuild]
 *
 * Home feed latency and throughput at 1/16/64 readers in both modes next to a
 * storage-free page of the same shape, then `rounds` rounds at 64 readers taking the
 * fixed page and both modes in turn (the aims compare routes, and this shared
 * machine drifts by ±15 % over minutes), bulk fan-out inserts/s, time until a
 * 5,000-follower author's post is in every active follower's timeline, and
 * likes/s from 64 concurrent clients with the final count checked. The section for
 * BENCHMARKS.md is printed and saved to bench/.data/results/feed.md.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { openSqlite } from '../apps/server/src/adapters/sqlite/database.js';
import { closeDataset, createDataset } from './dataset/index.js';
import { createSessions, type Engagement, fanOutAll, generateEngagement, generatePosts } from './feed-dataset.js';
import { type LoadPoint, runLoad } from './support/load.js';
import { machine } from './support/machine.js';
import { scratchCopy, startServer } from './support/server.js';

const { values } = parseArgs({ options: {
  users: { type: 'string', default: '10000' }, posts: { type: 'string', default: '100000' },
  seconds: { type: 'string', default: '8' }, rounds: { type: 'string', default: '5' }, rebuild: { type: 'boolean', default: false },
} });
/** Storage-free pages of the feed's shape: rendered the feed's way, and serialized the way any route is. */
const FIXED = '/api/v1/bench/fixed-feed';
const FIXED_SERIALIZED = '/api/v1/bench/fixed-feed-serialized';
const USERS = Number(values.users);
const POSTS = Number(values.posts);
const SECONDS = Number(values.seconds);
const ROUNDS = Number(values.rounds);
const FOLLOWING = '/api/v1/feed?mode=following&limit=20';
const RANKED = '/api/v1/feed?mode=ranked&limit=20';
const FANS = Math.min(5000, USERS - 1);
const DAY_MS = 86_400_000;
const dir = resolve(import.meta.dirname, `.data/feed-${USERS}-${POSTS}`);
const factsFile = join(dir, 'feed-facts.json');

interface Facts { fanOutRows: number; fanOutSeconds: number; author: string; follows: number; engagement: Engagement; buildSeconds: number }

async function build(): Promise<Facts> {
  const started = performance.now();
  const ds = await createDataset({ out: dir, users: USERS, force: true });
  const anchor = new Date(ds.manifest.anchor);
  const posts = generatePosts(ds.db, ds.users.ids, POSTS, anchor);
  // One author with exactly FANS followers, for the fan-out latency figure.
  const author = ds.users.ids[ds.users.ids.length - 1]!;
  const addFollow = ds.db.prepare('INSERT OR IGNORE INTO follows (follower_id, followee_id, created_at, seq) VALUES (?, ?, ?, ?)');
  ds.db.transaction(() => {
    for (let i = 0; i < FANS; i++) addFollow.run(BigInt(ds.users.ids[i]!), BigInt(author), anchor.getTime(), BigInt(ds.users.ids[i]!));
  })();
  ds.db.exec(`INSERT OR REPLACE INTO follow_counts (user_id, followers, following)
    SELECT u.id, (SELECT count(*) FROM follows WHERE followee_id = u.id), (SELECT count(*) FROM follows WHERE follower_id = u.id) FROM users u`);
  const follows = Number(ds.db.prepare('SELECT count(*) FROM follows').pluck().get());
  closeDataset(ds);
  const fan = await fanOutAll(dir, posts, anchor);
  // Likes and comments come after the posts are published, as they would; the fan-out
  // timing above is then taken on the same database as before they were generated.
  const db = openSqlite(join(dir, 'pictor.db'));
  const engagement = await generateEngagement(db, posts);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const facts = { fanOutRows: fan.rows, fanOutSeconds: fan.seconds, author, follows, engagement, buildSeconds: (performance.now() - started) / 1000 };
  writeFileSync(factsFile, JSON.stringify(facts));
  return facts;
}

const saved: Partial<Facts> | null = !values.rebuild && existsSync(factsFile) ? JSON.parse(readFileSync(factsFile, 'utf8')) : null;
// A dataset built before likes and comments were generated is built again.
const facts: Facts = saved?.engagement ? (saved as Facts) : await build();
const scratch = scratchCopy(dir, 'feed');
const db = openSqlite(join(scratch, 'pictor.db'));
const activeSince = Date.now() - 30 * DAY_MS;
const readerIds = (db.prepare(`SELECT m.user_id FROM timeline_meta m JOIN users u ON u.id = m.user_id
  WHERE m.size >= 40 AND u.last_active_at >= ? ORDER BY m.user_id LIMIT 1000`).pluck().all(activeSince) as bigint[]).map(String);
const likerIds = (db.prepare('SELECT id FROM users WHERE last_active_at >= ? ORDER BY id LIMIT 5000').pluck().all(activeSince) as bigint[]).map(String);
const activeFans = Number(db.prepare(`SELECT count(*) FROM follows f JOIN users u ON u.id = f.follower_id
  WHERE f.followee_id = ? AND u.last_active_at >= ?`).pluck().get(BigInt(facts.author), activeSince));
const readers = createSessions(db, readerIds);
const likers = createSessions(db, likerIds);
const [authorToken] = createSessions(db, [facts.author]);
db.close();

const server = await startServer(scratch, { PICTOR_BENCH_ROUTES: 'true', PICTOR_LIMIT_WRITES_USER: '1000000/60' });
const results: { name: string; point: LoadPoint }[] = [];
/** At 64 readers, the three routes the aims compare, taken one after another in each round. */
const rounds: Record<string, LoadPoint>[] = [];
// Each client cycles through its own share of the readers, its requests built once up front
// so the load generator, which shares the two cores with the server, stays cheap.
const requestsFor = (path: string, connections: number) => (client: number) => readers
  .filter((_, i) => i % connections === client % connections)
  .map((token) => ({ method: 'GET' as const, path, headers: { authorization: `Bearer ${token}` } }));
const measure = (path: string, connections: number) =>
  runLoad({ url: server.url, connections, seconds: SECONDS, requestsFor: requestsFor(path, connections), serverPid: server.pid });
try {
  for (const path of [FIXED, FIXED_SERIALIZED, FOLLOWING, RANKED]) {
    await runLoad({ url: server.url, connections: 4, seconds: 2, requestsFor: requestsFor(path, 4) }); // warm up
    for (const connections of [1, 16, 64]) {
      const point = await measure(path, connections);
      results.push({ name: path, point });
      console.error(path, connections, point);
    }
  }
  for (let round = 0; round < ROUNDS; round++) {
    const points: Record<string, LoadPoint> = {};
    for (const path of [FIXED, FOLLOWING, RANKED]) points[path] = await measure(path, 64);
    rounds.push(points);
    console.error('round', round + 1, Object.fromEntries(Object.entries(points).map(([path, p]) => [path, Math.round(p.rps)])));
  }
  const fanOut = await timeFanOut(server.url, authorToken!);
  const likes = await likeStorm(server.url, fanOut.postId);
  report(fanOut, likes);
} finally {
  await server.stop();
}

async function timeFanOut(url: string, token: string) {
  const bytes = await sharp({ create: { width: 800, height: 800, channels: 3, background: '#3a6' } }).jpeg().toBuffer();
  const boundary = '----pictorfeedbench';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="images"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
    bytes, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const watch = openSqlite(join(scratch, 'pictor.db'));
  const count = watch.prepare('SELECT count(*) FROM timelines WHERE post_id = ?').pluck();
  const t0 = performance.now();
  const res = await fetch(`${url}/api/v1/posts`, { method: 'POST', body, headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` } });
  const answered = performance.now();
  if (res.status !== 201) throw new Error(`publish failed ${res.status} ${await res.text()}`);
  const postId = (await res.json()).postId as string;
  while (Number(count.get(BigInt(postId))) < activeFans + 1) {
    if (performance.now() - t0 > 60_000) throw new Error('fan-out did not finish in 60 s');
    await new Promise((r) => setTimeout(r, 2));
  }
  const done = performance.now();
  watch.close();
  return { postId, publishMs: answered - t0, afterAnswerMs: done - answered, totalMs: done - t0 };
}

async function likeStorm(url: string, postId: string) {
  let next = 0;
  let ok = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 64 }, async () => {
    while (next < likers.length) {
      const token = likers[next++]!;
      const res = await fetch(`${url}/api/v1/posts/${postId}/like`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      if (res.ok) ok++;
      await res.arrayBuffer();
    }
  }));
  const seconds = (performance.now() - t0) / 1000;
  const check = openSqlite(join(scratch, 'pictor.db'));
  const counter = Number(check.prepare('SELECT likes FROM post_counters WHERE post_id = ?').pluck().get(BigInt(postId)));
  const rows = Number(check.prepare('SELECT count(*) FROM post_likes WHERE post_id = ?').pluck().get(BigInt(postId)));
  check.close();
  return { sent: likers.length, ok, seconds, rate: ok / seconds, counter, rows };
}

function report(fanOut: Awaited<ReturnType<typeof timeFanOut>>, likes: Awaited<ReturnType<typeof likeStorm>>) {
  const row = (name: string, label: string) => results.filter((r) => r.name === name).map(({ point: p }) =>
    `| ${label} | ${p.connections} | ${p.p50.toFixed(2)} | ${p.p99.toFixed(2)} | ${p.rps.toFixed(0)} | ${p.serverCpuUs?.toFixed(0) ?? '–'} | ${p.machineBusy === undefined ? '–' : `${(p.machineBusy * 100).toFixed(0)} %`} | ${p.failures} |`).join('\n');
  const at64 = (name: string) => results.find((r) => r.name === name && r.point.connections === 64)!.point.rps;
  const share = (name: string, of: string) => ((at64(name) / at64(of)) * 100).toFixed(0);
  const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const roundRow = (points: Record<string, LoadPoint>, i: number) => `| ${i + 1} | ${[FIXED, FOLLOWING, RANKED].map((path) =>
    `${points[path]!.rps.toFixed(0)} / ${points[path]!.p99.toFixed(1)} / ${points[path]!.serverCpuUs?.toFixed(0) ?? '–'}`).join(' | ')} | ${pct(points[FOLLOWING]!.rps / points[FIXED]!.rps)} | ${pct(points[RANKED]!.rps / points[FIXED]!.rps)} |`;
  const medianOf = (path: string, pick: (p: LoadPoint) => number) => median(rounds.map((r) => pick(r[path]!)));
  const shareMedian = (path: string) => pct(median(rounds.map((r) => r[path]!.rps / r[FIXED]!.rps)));
  // `--rounds 0` skips them; there is then no median to give.
  const roundsSection = () => (rounds.length === 0 ? '' : `Then ${ROUNDS} rounds at 64 readers, each taking the rendered fixed page, following and ranked in turn for ${SECONDS} s
(pages/s / p99 ms / server CPU µs a page), so each share compares routes measured seconds apart, not minutes:

| round | fixed page | following | ranked | following share | ranked share |
|---|---|---|---|---|---|
${rounds.map(roundRow).join('\n')}

Medians over the rounds: p99 **${medianOf(FOLLOWING, (p) => p.p99).toFixed(1)} ms** (following) and **${medianOf(RANKED, (p) => p.p99).toFixed(1)} ms** (ranked);
**${shareMedian(FOLLOWING)}** (following) and **${shareMedian(RANKED)}** (ranked) of the fixed page's rate.

`);
  const text = `## Feed, likes and fan-out (issue 4)

Command: \`npx tsx bench/feed.bench.ts --users ${USERS} --posts ${POSTS} --seconds ${SECONDS} --rounds ${ROUNDS}\` (${new Date().toISOString().slice(0, 10)}).
Machine: ${machine()} (shared with other work while measured).
Dataset: ${USERS} users, ${facts.follows} follows (power law, bench/dataset) plus one author with ${FANS} followers,
${POSTS} posts over 30 days (Zipf authors, bench/feed-dataset.ts) with ${facts.engagement.likes.toLocaleString('en')} likes on ${facts.engagement.likedPosts.toLocaleString('en')} posts and
${facts.engagement.comments.toLocaleString('en')} comments (heavy-tailed per post, given by the author's followers; counters rebuilt from them), timelines filled through the feed module's fan-out (timed below).
Server: the real one (\`apps/server/src/main/all.ts\`, every role in one process) over HTTP/1.1 keep-alive, autocannon
closed loop, readers rotating over ${readers.length} active accounts with full timelines.

| route | readers | p50 ms | p99 ms | pages/s | server CPU µs/page | machine busy | failures |
|---|---|---|---|---|---|---|---|
${row(FIXED, 'fixed 20-post page, no storage, rendered as the feed renders')}
${row(FIXED_SERIALIZED, 'fixed 20-post page, no storage, schema-serialized per request')}
${row(FOLLOWING, 'feed, following')}
${row(RANKED, 'feed, ranked')}

At 64 readers the feed serves ${share(FOLLOWING, FIXED)} % (following) and ${share(RANKED, FIXED)} % (ranked) of the rendered fixed page's rate,
and ${share(FOLLOWING, FIXED_SERIALIZED)} % and ${share(RANKED, FIXED_SERIALIZED)} % of the schema-serialized one's.

${roundsSection()}| fan-out and likes | value |
|---|---|
| bulk fan-out of every post through the feed module (batches of 1,000 posts, as the outbox consumer reads a backlog) | ${facts.fanOutRows.toLocaleString('en')} rows in ${facts.fanOutSeconds.toFixed(1)} s = **${Math.round(facts.fanOutRows / facts.fanOutSeconds).toLocaleString('en')} inserts/s** |
| ${FANS}-follower author (${activeFans} active): upload answered | ${fanOut.publishMs.toFixed(0)} ms (photo pipeline included) |
| … then post in every active follower's timeline | **${fanOut.afterAnswerMs.toFixed(0)} ms** after the answer (${fanOut.totalMs.toFixed(0)} ms from sending) |
| likes from 64 concurrent clients (${likes.sent} distinct users, one hot post) | **${likes.rate.toFixed(0)} likes/s**; ${likes.ok} answered 200 |
| final count check | counter ${likes.counter}, like rows ${likes.rows}: ${likes.counter === likes.ok && likes.rows === likes.ok ? 'exact' : 'MISMATCH'} |
`;
  console.log(text);
  // Saved beside the other results, not spliced into BENCHMARKS.md: that section goes on with
  // written analysis, which replacing "up to the next heading" would erase.
  const out = resolve(import.meta.dirname, '.data/results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'feed.md'), text);
}
