/** The SQLite adapters against the port contracts, each test on a fresh in-memory database. */
import { describe, expect, it } from 'vitest';
import { withRelationCache } from '../../src/adapters/memory/graph-store.cached.js';
import { withPostCache } from '../../src/adapters/memory/post-store.cached.js';
import { withUserCache } from '../../src/adapters/memory/user-store.cached.js';
import { idList, openSqlite } from '../../src/adapters/sqlite/database.js';
import { createOutboxWriter, createSqliteEventLog } from '../../src/adapters/sqlite/event-log.sqlite.js';
import { createSqliteGraphStore } from '../../src/adapters/sqlite/graph-store.sqlite.js';
import { createSqlitePostStore } from '../../src/adapters/sqlite/post-store.sqlite.js';
import { createSqliteSessionStore } from '../../src/adapters/sqlite/session-store.sqlite.js';
import { createSqliteSignInAttempts } from '../../src/adapters/sqlite/sign-in-attempts.sqlite.js';
import { createSqliteUserStore } from '../../src/adapters/sqlite/user-store.sqlite.js';
import { eventLogContract } from './event-log.contract.js';
import { graphStoreContract } from './graph-store.contract.js';
import { postStoreContract } from './post-store.contract.js';
import { sessionStoreContract } from './session-store.contract.js';
import { signInAttemptsContract } from './sign-in-attempts.contract.js';
import { systemClock } from '../../src/platform/clock.js';
import { userStoreContract } from './user-store.contract.js';

function fresh() {
  const db = openSqlite(':memory:');
  const outbox = createOutboxWriter(db);
  return { db, outbox, events: createSqliteEventLog(db, outbox) };
}

function accountStores() {
  const { db, outbox, events } = fresh();
  return { users: createSqliteUserStore(db, outbox), sessions: createSqliteSessionStore(db), events };
}

userStoreContract('sqlite', accountStores);
// The in-process cache must be invisible: the same contract, read-your-writes included, through the wrapper.
userStoreContract('sqlite + in-process cache', () => {
  const stores = accountStores();
  return { ...stores, users: withUserCache(stores.users, { max: 1000, ttlMs: 60_000, clock: systemClock }) };
});
sessionStoreContract('sqlite', accountStores);
signInAttemptsContract('sqlite', () => createSqliteSignInAttempts(fresh().db));

function graphStore() {
  const { db, outbox, events } = fresh();
  return { graph: createSqliteGraphStore(db, outbox), events };
}

graphStoreContract('sqlite', graphStore);
graphStoreContract('sqlite behind the relation cache', () => {
  const store = graphStore();
  return { ...store, graph: withRelationCache(store.graph, { viewers: 100, ttlMs: 60_000, clock: systemClock }) };
});

function postStore() {
  const { db, outbox, events } = fresh();
  return { posts: createSqlitePostStore(db, outbox), events };
}

postStoreContract('sqlite', postStore);
postStoreContract('sqlite + in-process cache', () => {
  const store = postStore();
  return { ...store, posts: withPostCache(store.posts, { max: 1000, ttlMs: 60_000, clock: systemClock }) };
});

eventLogContract('sqlite', () => {
  const { db, outbox, events } = fresh();
  return { log: events, append: async (list) => db.transaction(() => outbox.append(list))() };
});

describe('SQLite outbox', () => {
  it('when the transaction that appended events rolls back, then no consumer ever sees them', async () => {
    const { db, outbox, events } = fresh();
    const failing = db.transaction(() => {
      outbox.append([{ type: 'ghost', payload: {} }]);
      throw new Error('the change failed');
    });
    expect(() => failing()).toThrow('the change failed');
    expect(await events.readAfter(0, 10)).toEqual([]);
    db.transaction(() => outbox.append([{ type: 'real', payload: {} }]))();
    expect((await events.readAfter(0, 10)).map((e) => e.type)).toEqual(['real']);
  });

  it('when a batch of ids holds anything but decimal digits, then it is refused before it reaches SQL', () => {
    expect(idList(['1', '9223372036854775807'])).toBe('[1,9223372036854775807]');
    expect(idList([])).toBe('[]');
    for (const bad of ['1 OR 1', '0x1f', '', '-1', '1e3', '1]', '12345678901234567890']) {
      expect(() => idList(['7', bad])).toThrow(TypeError);
    }
  });

  it('when accounts are searched by prefix, then both halves are index range scans, never a table scan', () => {
    const { db } = fresh();
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('ana', 'ana\u{10FFFF}', 8) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan('SELECT id FROM users WHERE username >= ? AND username < ? ORDER BY username LIMIT ?')).toMatch(/SEARCH users USING (COVERING )?INDEX sqlite_autoindex_users_1/);
    expect(plan('SELECT id FROM users WHERE display_name_fold >= ? AND display_name_fold < ? ORDER BY display_name_fold, id LIMIT ?')).toMatch(/SEARCH users USING (COVERING )?INDEX users_by_display_name_fold/);
  });

  it('when the database is opened, then it is in WAL mode with foreign keys on, and migrations apply once', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'pictor-sqlite-'));
    try {
      const first = openSqlite(join(dir, 'p.db'));
      expect(first.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(Number(first.pragma('foreign_keys', { simple: true }))).toBe(1);
      const applied = Number(first.prepare('SELECT count(*) FROM schema_migrations').pluck().get());
      first.close();
      const second = openSqlite(join(dir, 'p.db'));
      expect(Number(second.prepare('SELECT count(*) FROM schema_migrations').pluck().get())).toBe(applied);
      second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
