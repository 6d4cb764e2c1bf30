import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Id } from '../../apps/server/src/platform/ids.js';
import type { HeavyAccount } from './follows.js';

export const MANIFEST_FILE = 'bench-manifest.json';

/**
 * What a generated data directory holds, so a benchmark can sign in as anyone
 * and pick the heavy accounts without querying. Later stages (posts, timelines)
 * add their own top-level keys.
 */
export interface Manifest {
  version: 1;
  seed: number;
  /** ISO time the dataset treats as "now". */
  anchor: string;
  generatedInMs: number;
  /** Every generated account signs in with this password. */
  password: string;
  passwordHashing: { algorithm: string; memoryKiB: number; timeCost: number; parallelism: number };
  users: { count: number; usernamePattern: 'user_{index}'; firstId: Id; lastId: Id };
  follows: {
    count: number;
    zipfExponent: number;
    celebrityShare: number;
    maxFollowing: number;
    followers: { p50: number; p90: number; p99: number; max: number };
    following: { p50: number; p90: number; p99: number; max: number };
  };
  /** The 20 accounts with the most followers, most first. */
  heaviest: HeavyAccount[];
  celebrity: HeavyAccount | null;
  [stage: string]: unknown;
}

export function readManifest(dataDir: string): Manifest {
  return JSON.parse(readFileSync(join(dataDir, MANIFEST_FILE), 'utf8')) as Manifest;
}

export function writeManifest(dataDir: string, manifest: Manifest): void {
  writeFileSync(join(dataDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Reads m, t and p back out of a PHC string such as $argon2id$v=19$m=19456,t=2,p=1$…. */
export function hashingOf(phc: string): Manifest['passwordHashing'] {
  const [, algorithm = '?', , params = ''] = phc.split('$');
  const value = (key: string) => Number(new RegExp(`(?:^|,)${key}=(\\d+)`).exec(params)?.[1]);
  return { algorithm, memoryKiB: value('m'), timeCost: value('t'), parallelism: value('p') };
}

export function percentiles(values: Uint32Array): { p50: number; p90: number; p99: number; max: number } {
  const sorted = Uint32Array.from(values).sort();
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0);
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted.length ? sorted[sorted.length - 1]! : 0 };
}
