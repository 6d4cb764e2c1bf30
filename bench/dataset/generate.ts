/**
 * npm run bench:dataset -- --users 10000 [--follows 200000] [--seed 42] [--zipf 0.9]
 *   [--celebrity 0.1] [--max-following 2000] [--anchor 2025-06-01] [--out bench/.data/users-10000] [--force]
 */
import { parseArgs } from 'node:util';
import { closeDataset, createDataset } from './index.js';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '10000' },
    follows: { type: 'string' },
    seed: { type: 'string', default: '42' },
    zipf: { type: 'string' },
    celebrity: { type: 'string' },
    'max-following': { type: 'string' },
    anchor: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
});

const number = (name: string, raw: string | undefined): number | undefined => {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number, not "${raw}"`);
  return value;
};

const users = number('users', values.users)!;
const dataset = await createDataset({
  out: values.out ?? `bench/.data/users-${users}`,
  users,
  seed: number('seed', values.seed),
  follows: number('follows', values.follows),
  zipfExponent: number('zipf', values.zipf),
  celebrityShare: number('celebrity', values.celebrity),
  maxFollowing: number('max-following', values['max-following']),
  anchor: values.anchor ? new Date(values.anchor) : undefined,
  force: values.force,
});
closeDataset(dataset);
const { manifest } = dataset;
console.log(`Dataset in ${dataset.dir} (${(manifest.generatedInMs / 1000).toFixed(1)} s)`);
console.log(`  ${manifest.users.count} users, password "${manifest.password}" (${manifest.passwordHashing.algorithm} m=${manifest.passwordHashing.memoryKiB} KiB t=${manifest.passwordHashing.timeCost} p=${manifest.passwordHashing.parallelism})`);
console.log(`  ${manifest.follows.count} follows; followers p50 ${manifest.follows.followers.p50}, p99 ${manifest.follows.followers.p99}, max ${manifest.follows.followers.max}`);
console.log(`  heaviest: ${manifest.heaviest.slice(0, 5).map((h) => `${h.username} (${h.followers})`).join(', ')}`);
if (manifest.celebrity) console.log(`  celebrity: ${manifest.celebrity.username} (${manifest.celebrity.followers})`);
