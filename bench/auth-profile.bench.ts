/**
 * Sign-in and profile-read throughput and latency at 1, 16 and 64 clients,
 * next to a bare route on the same server (the framework's share).
 *
 *   npm run bench -- auth [--seconds 5] [--clients 1,16,64] [--dataset bench/.data/users-10000]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { verify } from '@node-rs/argon2';
import { closeDataset, createDataset, deriveRng, permutation, readManifest, usernameOf, type Manifest } from './dataset/index.js';
import { type LoadPoint, type NextRequest, runLoad } from './support/load.js';
import { machine } from './support/machine.js';
import { scratchCopy, startServer } from './support/server.js';
import { storedHash } from './support/stored-hash.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    clients: { type: 'string', default: '1,16,64' },
    dataset: { type: 'string', default: 'bench/.data/users-10000' },
    only: { type: 'string' },
  },
});
const seconds = Number(values.seconds);
const clientCounts = values.clients.split(',').map(Number);
const datasetDir = resolve(values.dataset);

type Scenario = { name: string; label: string; requestsFor: (client: number) => NextRequest[] };

async function ensureDataset(): Promise<Manifest> {
  if (!existsSync(resolve(datasetDir, 'bench-manifest.json'))) {
    console.log(`No dataset in ${datasetDir}: generating 10,000 users…`);
    closeDataset(await createDataset({ out: datasetDir, users: 10_000 }));
  }
  return readManifest(datasetDir);
}

/** How long one Argon2id verification takes here, alone: the floor under every sign-in. */
async function timeOneVerify(manifest: Manifest): Promise<number> {
  const hash = storedHash(datasetDir);
  const started = performance.now();
  for (let i = 0; i < 10; i++) await verify(hash, manifest.password);
  return (performance.now() - started) / 10;
}

async function signInPool(url: string, manifest: Manifest, size: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < size; i++) {
    const response = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: usernameOf(manifest.users.count - 1 - i), password: manifest.password }),
    });
    if (!response.ok) throw new Error(`sign-in for the token pool failed: ${response.status} ${await response.text()}`);
    tokens.push(((await response.json()) as { token: string }).token);
  }
  return tokens;
}

const LIST = 400;

function scenarios(manifest: Manifest, tokens: string[]): Scenario[] {
  const n = manifest.users.count;
  const rng = deriveRng(manifest.seed, 'bench-auth');
  // Accounts the token pool did not use, shuffled and dealt out: each client signs in
  // as its own slice of accounts, so no account is hit by two clients in one run.
  const accounts = permutation(n - tokens.length, rng);
  const slice = Math.max(1, Math.floor(accounts.length / 64));
  const heavy = manifest.heaviest.map((h) => h.username);
  // One read in ten opens one of the most-followed accounts, the rest any account.
  const target = () => (rng.int(10) === 0 ? heavy[rng.int(heavy.length)]! : usernameOf(rng.int(n)));
  const bearer = (client: number) => ({ authorization: `Bearer ${tokens[client % tokens.length]}` });
  const list = (make: (i: number) => NextRequest) => Array.from({ length: LIST }, (_, i) => make(i));
  return [
    {
      name: 'signin', label: 'Sign-in (POST /api/v1/auth/login)',
      requestsFor: (client) => list((i) => ({
        method: 'POST', path: '/api/v1/auth/login',
        body: JSON.stringify({ username: usernameOf(accounts[(client % 64) * slice + (i % slice)]!), password: manifest.password }),
      })),
    },
    {
      name: 'profile', label: 'Profile read (GET /api/v1/users/{username}, bearer)',
      requestsFor: (client) => list(() => ({ method: 'GET', path: `/api/v1/users/${target()}`, headers: bearer(client) })),
    },
    { name: 'bare', label: 'Bare route (GET /api/v1/bench/bare)', requestsFor: () => [{ method: 'GET', path: '/api/v1/bench/bare' }] },
    {
      name: 'bare-session', label: 'Bare route + bearer session check',
      requestsFor: (client) => [{ method: 'GET', path: '/api/v1/bench/bare', headers: bearer(client) }],
    },
  ];
}

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

function table(results: Map<string, LoadPoint[]>, list: Scenario[]): string {
  const bare = results.get('bare');
  const rows = ['| route | clients | req/s | p50 ms | p99 ms | failures | req/s ÷ bare |', '|---|---:|---:|---:|---:|---:|---:|'];
  for (const scenario of list) {
    for (const [i, point] of (results.get(scenario.name) ?? []).entries()) {
      const ratio = bare?.[i] ? point.rps / bare[i]!.rps : Number.NaN;
      rows.push(`| ${scenario.label} | ${point.connections} | ${fmt(point.rps, 0)} | ${fmt(point.p50, 2)} | ${fmt(point.p99, 2)} | ${point.failures} | ${fmt(ratio, 3)} |`);
    }
  }
  return rows.join('\n');
}

async function main() {
  const manifest = await ensureDataset();
  const verifyMs = await timeOneVerify(manifest);
  const loadBefore = loadavg()[0]!;
  const dataDir = scratchCopy(datasetDir, 'auth-profile');
  const server = await startServer(dataDir, {
    PICTOR_BENCH_ROUTES: 'true',
    // Only failed sign-ins count toward the limits; raise the per-address one anyway so a stray failure cannot stall the run.
    PICTOR_LIMIT_SIGNIN_ADDRESS: '1000000/300',
  });
  try {
    const probe = await fetch(`${server.url}/api/v1/bench/bare`);
    if (!probe.ok) throw new Error(`GET /api/v1/bench/bare answered ${probe.status}; is PICTOR_BENCH_ROUTES wired?`);
    const tokens = await signInPool(server.url, manifest, 64);
    const list = scenarios(manifest, tokens).filter((s) => !values.only || values.only.split(',').includes(s.name));
    const results = new Map<string, LoadPoint[]>();
    for (const scenario of list) {
      await runLoad({ url: server.url, connections: 16, seconds: 2, requestsFor: scenario.requestsFor }); // warm-up: JIT, page cache
      for (const connections of clientCounts) {
        const point = await runLoad({ url: server.url, connections, seconds, requestsFor: scenario.requestsFor });
        console.log(`${scenario.name.padEnd(13)} ${String(connections).padStart(3)} clients: ${fmt(point.rps, 0)} req/s, p50 ${fmt(point.p50, 2)} ms, p99 ${fmt(point.p99, 2)} ms, failures ${point.failures}`);
        (results.get(scenario.name) ?? results.set(scenario.name, []).get(scenario.name)!).push(point);
      }
    }
    report(manifest, results, list, { verifyMs, loadBefore });
  } finally {
    await server.stop();
  }
}

function report(manifest: Manifest, results: Map<string, LoadPoint[]>, list: Scenario[], facts: { verifyMs: number; loadBefore: number }) {
  const { passwordHashing: h } = manifest;
  const { verifyMs } = facts;
  const summary = [
    `Machine: ${machine()}`,
    `Load average (1 min) before / after: ${fmt(facts.loadBefore, 2)} / ${fmt(loadavg()[0]!, 2)} (this run adds about 2; more means other work shared the cores)`,
    `Dataset: ${manifest.users.count} users, ${manifest.follows.count} follows (seed ${manifest.seed}); ${seconds} s per point, after a 2 s warm-up`,
    `Password hashing: ${h.algorithm}, m=${h.memoryKiB} KiB (${(h.memoryKiB / 1024).toFixed(0)} MiB), t=${h.timeCost}, p=${h.parallelism}; one verification alone: ${fmt(verifyMs, 1)} ms`,
    '',
    table(results, list),
  ].join('\n');
  console.log(`\n${summary}`);
  const out = resolve('bench/.data/results');
  mkdirSync(out, { recursive: true });
  writeFileSync(resolve(out, 'auth-profile.json'), JSON.stringify({ at: new Date().toISOString(), machine: machine(), verifyMs, results: Object.fromEntries(results) }, null, 2));
  writeFileSync(resolve(out, 'auth-profile.md'), `${summary}\n`);
}

await main();
