/** The outbox runner with the SQLite event log: batched delivery and its fallback. */
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/adapters/sqlite/database.js';
import { createOutboxWriter, createSqliteEventLog } from '../../src/adapters/sqlite/event-log.sqlite.js';
import type { EventSubscription, StoredEvent } from '../../src/platform/events.js';
import { startEventConsumers } from '../../src/platform/jobs/event-consumers.js';

const quiet = { info() {}, warn() {}, error() {}, debug() {} } as never;

function world() {
  const db = openSqlite(':memory:');
  const outbox = createOutboxWriter(db);
  const log = createSqliteEventLog(db, outbox);
  const append = (types: string[]) => db.transaction(() => outbox.append(types.map((type, n) => ({ type, payload: { n } }))))();
  return { log, append };
}

describe('event consumers', () => {
  it('when a subscription handles batches, then it gets its own events in order in one call and the checkpoint passes them', async () => {
    const { log, append } = world();
    append(['a', 'other', 'b', 'a']);
    const batches: string[][] = [];
    const subscription: EventSubscription = {
      name: 'batched', types: ['a', 'b'],
      handle: async () => {
        throw new Error('one by one should not be needed');
      },
      handleBatch: async (events) => void batches.push(events.map((e) => e.type)),
    };
    const consumers = startEventConsumers(log, [subscription], quiet, { idleWaitMs: 5 });
    await consumers.drain(2000);
    await consumers.stop();
    expect(batches).toEqual([['a', 'b', 'a']]);
    expect(await log.checkpoint('batched')).toBe(await log.latestSeq());
  });

  it('when a batch fails, then each event is retried alone: the bad one is dead-lettered and the rest are handled', async () => {
    const { log, append } = world();
    append(['ok', 'bad', 'ok']);
    const handled: number[] = [];
    const subscription: EventSubscription = {
      name: 'fallback', types: ['ok', 'bad'],
      handle: async (event: StoredEvent) => {
        if (event.type === 'bad') throw new Error('cannot handle this one');
        handled.push((event.payload as { n: number }).n);
      },
      handleBatch: async () => {
        throw new Error('the batch as a whole failed');
      },
    };
    const consumers = startEventConsumers(log, [subscription], quiet, { idleWaitMs: 5, retryDelayMs: 1 });
    await consumers.drain(5000);
    await consumers.stop();
    expect(handled).toEqual([0, 2]);
    const letters = await log.deadLetters('fallback', 10);
    expect(letters.map((l) => l.type)).toEqual(['bad']);
    expect(letters[0]!.error).toContain('cannot handle this one');
  });
});
