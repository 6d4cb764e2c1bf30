import { beforeEach, describe, expect, it } from 'vitest';
import type { DomainEvent, EventLog } from '../../src/platform/events.js';

export interface EventLogWorld {
  log: EventLog;
  /** Appends events the way a store does: together, in one commit. */
  append(events: DomainEvent[]): Promise<void>;
}

const e = (type: string, n: number): DomainEvent => ({ type, payload: { n, id: '9223372036854775807', nested: { ok: true } } });

/** The EventLog contract: commit order, checkpoints that only move forward, dead letters an operator can see. */
export function eventLogContract(name: string, open: () => Promise<EventLogWorld> | EventLogWorld) {
  describe(`EventLog contract: ${name}`, () => {
    let world: EventLogWorld;
    beforeEach(async () => {
      world = await open();
    });

    it('when the log is empty, then the latest position is 0 and nothing reads back', async () => {
      expect(await world.log.latestSeq()).toBe(0);
      expect(await world.log.readAfter(0, 10)).toEqual([]);
    });

    it('when events are appended, then they read back in commit order with rising positions and intact payloads', async () => {
      await world.append([e('a', 1), e('b', 2)]);
      await world.append([e('c', 3)]);
      const events = await world.log.readAfter(0, 10);
      expect(events.map((x) => x.type)).toEqual(['a', 'b', 'c']);
      expect(events[0]!.payload).toEqual({ n: 1, id: '9223372036854775807', nested: { ok: true } });
      for (let i = 1; i < events.length; i++) expect(events[i]!.seq).toBeGreaterThan(events[i - 1]!.seq);
      expect(events[0]!.occurredAt).toBeInstanceOf(Date);
      expect(await world.log.latestSeq()).toBe(events[2]!.seq);
    });

    it('when reading in batches, then each batch continues exactly after the last position', async () => {
      await world.append(Array.from({ length: 7 }, (_, i) => e('t', i)));
      const first = await world.log.readAfter(0, 3);
      const second = await world.log.readAfter(first[2]!.seq, 3);
      const third = await world.log.readAfter(second[2]!.seq, 3);
      expect([...first, ...second, ...third].map((x) => (x.payload as { n: number }).n)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(third.length).toBe(1);
    });

    it('when consumers commit, then checkpoints are per consumer and never go backwards', async () => {
      expect(await world.log.checkpoint('one')).toBe(0);
      await world.log.commit('one', 5);
      await world.log.commit('one', 3);
      expect(await world.log.checkpoint('one')).toBe(5);
      await world.log.commit('one', 9);
      expect(await world.log.checkpoint('one')).toBe(9);
      expect(await world.log.checkpoint('two')).toBe(0);
    });

    it('when an event is dead-lettered, then that consumer can see it with its error, once, and others cannot', async () => {
      await world.append([e('boom', 1), e('fine', 2)]);
      const [boom] = await world.log.readAfter(0, 1);
      await world.log.deadLetter('one', boom!, 'Error: first try');
      await world.log.deadLetter('one', boom!, 'Error: replayed and failed again');
      const letters = await world.log.deadLetters('one', 10);
      expect(letters).toHaveLength(1);
      expect(letters[0]).toMatchObject({ seq: boom!.seq, type: 'boom', error: 'Error: replayed and failed again' });
      expect(letters[0]!.failedAt).toBeInstanceOf(Date);
      expect(await world.log.deadLetters('two', 10)).toEqual([]);
    });

    it('when waiting for appends, then an append wakes the waiter early, and silence ends at the timeout', async () => {
      const started = Date.now();
      const waiting = world.log.waitForAppend(5_000);
      setTimeout(() => void world.append([e('wake', 1)]), 20);
      await waiting;
      expect(Date.now() - started).toBeLessThan(2_000);
      const quiet = Date.now();
      await world.log.waitForAppend(50);
      expect(Date.now() - quiet).toBeGreaterThanOrEqual(40);
    });
  });
}
