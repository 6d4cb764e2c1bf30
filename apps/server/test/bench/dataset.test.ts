import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDataset, createDataset, readManifest } from '../../../../bench/dataset/index.js';
import { openSqlite } from '../../src/adapters/sqlite/database.js';
import { startTestServer } from '../support/harness.js';

const root = mkdtempSync(join(tmpdir(), 'pictor-dataset-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const options = { users: 400, follows: 4_000, seed: 7, celebrityShare: 0.1, anchor: new Date('2025-06-01T00:00:00Z') };
const dump = (dir: string) => {
  const db = openSqlite(join(dir, 'pictor.db'));
  try {
    return {
      users: db.prepare('SELECT id, username FROM users ORDER BY id').all(),
      follows: db.prepare('SELECT * FROM follows ORDER BY follower_id, followee_id').all(),
      wrongCounts: db.prepare(`SELECT count(*) FROM follow_counts c
        WHERE followers != (SELECT count(*) FROM follows WHERE followee_id = c.user_id)
           OR following != (SELECT count(*) FROM follows WHERE follower_id = c.user_id)`).pluck().get(),
    };
  } finally {
    db.close();
  }
};

describe('bench dataset generator', () => {
  it('when generated twice with the same seed, then both datasets are identical and follow counts are exact', async () => {
    for (const name of ['a', 'b']) closeDataset(await createDataset({ ...options, out: join(root, name) }));
    const a = dump(join(root, 'a'));
    expect(a.follows).toHaveLength(4_000);
    expect(a.wrongCounts).toBe(0n);
    expect(dump(join(root, 'b'))).toEqual(a);
  });

  it('when a celebrity share is asked for, then exactly that share follows one account and the follower counts are skewed', () => {
    const manifest = readManifest(join(root, 'a'));
    expect(manifest.celebrity?.followers).toBe(40);
    expect(manifest.heaviest[0]!.followers).toBeGreaterThan(manifest.follows.followers.p50 * 10);
  });

  it('when the server runs over a dataset, then a generated user signs in with the manifest password and profiles show the counts', async () => {
    const manifest = readManifest(join(root, 'a'));
    const server = await startTestServer({ PICTOR_DATA_DIR: join(root, 'a') });
    try {
      const heavy = manifest.heaviest[0]!;
      const login = await server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'user_3', password: manifest.password } });
      expect(login.statusCode).toBe(200);
      const profile = await server.inject({ url: `/api/v1/users/${heavy.username}`, headers: { authorization: `Bearer ${login.json().token}` } });
      expect(profile.statusCode).toBe(200);
      expect(profile.json().counts.followers).toBe(heavy.followers);
    } finally {
      await server.close();
    }
  });
});
