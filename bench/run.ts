/**
 * npm run bench -- <name> [options for that benchmark]
 *
 * Runs one benchmark by name. To add one, put its file in bench/ and add a line
 * to BENCHMARKS below (a file named bench/<name>.bench.ts also works unlisted).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

const BENCHMARKS: Record<string, { file: string; about: string }> = {
  auth: { file: 'bench/auth-profile.bench.ts', about: 'sign-in and profile reads at 1/16/64 clients, next to a bare route' },
  photos: { file: 'bench/photo-pipeline.ts', about: 'photo pipeline: photos/s vs plain sharp, upload→post latency, peak RSS' },
  feed: { file: 'bench/feed.bench.ts', about: 'home feed reads, fan-out, likes under concurrency' },
  web: { file: 'bench/web-app.bench.mjs', about: 'web app: JavaScript shipped and time to first feed paint' },
};

function resolveBenchmark(name: string): string | null {
  const listed = BENCHMARKS[name]?.file;
  if (listed && existsSync(join(ROOT, listed))) return listed;
  const byConvention = `bench/${name}.bench.ts`;
  return existsSync(join(ROOT, byConvention)) ? byConvention : null;
}

const [name, ...rest] = process.argv.slice(2);
const file = name ? resolveBenchmark(name) : null;
if (!file) {
  if (name) console.error(`No benchmark named "${name}".`);
  console.error('Usage: npm run bench -- <name> [options]\n');
  for (const [key, { file: path, about }] of Object.entries(BENCHMARKS)) {
    if (existsSync(join(ROOT, path))) console.error(`  ${key.padEnd(8)} ${about} (${path})`);
  }
  process.exit(name ? 1 : 0);
}

// .mjs benchmarks run on plain node; TypeScript ones through tsx, like the server itself.
const args = file.endsWith('.mjs') ? [file, ...rest] : ['--import', 'tsx', file, ...rest];
const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
process.exit(result.status ?? 1);
