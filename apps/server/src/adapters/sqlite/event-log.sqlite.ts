import type { DomainEvent, EventLog, StoredEvent } from '../../platform/events.js';
import { num, type Sqlite } from './database.js';

/**
 * Appends events inside the caller's transaction; stores call this from within
 * their own db.transaction so the change and its event commit together.
 */
export function createOutboxWriter(db: Sqlite) {
  const insert = db.prepare('INSERT INTO outbox (type, payload, occurred_at) VALUES (?, ?, ?)');
  const listeners = new Set<() => void>();
  return {
    append(events: readonly DomainEvent[], at = Date.now()): void {
      for (const event of events) insert.run(event.type, JSON.stringify(event.payload), at);
      if (events.length) queueMicrotask(() => { for (const wake of listeners) wake(); });
    },
    onAppend(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type OutboxWriter = ReturnType<typeof createOutboxWriter>;

export function createSqliteEventLog(db: Sqlite, outbox: OutboxWriter): EventLog {
  const readAfter = db.prepare('SELECT seq, type, payload, occurred_at FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?');
  const latest = db.prepare('SELECT coalesce(max(seq), 0) FROM outbox').pluck();
  const getCheckpoint = db.prepare('SELECT seq FROM outbox_checkpoints WHERE consumer = ?').pluck();
  const setCheckpoint = db.prepare(
    `INSERT INTO outbox_checkpoints (consumer, seq) VALUES (?, ?)
     ON CONFLICT(consumer) DO UPDATE SET seq = max(seq, excluded.seq)`,
  );
  const deadLetter = db.prepare(
    'INSERT OR REPLACE INTO outbox_dead_letters (consumer, seq, error, failed_at) VALUES (?, ?, ?, ?)',
  );
  const deadLetters = db.prepare(
    `SELECT d.seq, coalesce(o.type, '') AS type, d.error, d.failed_at FROM outbox_dead_letters d
     LEFT JOIN outbox o ON o.seq = d.seq WHERE d.consumer = ? ORDER BY d.seq LIMIT ?`,
  );
  return {
    async readAfter(afterSeq, limit) {
      return (readAfter.all(afterSeq, limit) as Record<string, unknown>[]).map(
        (row): StoredEvent => ({
          seq: num(row.seq),
          type: String(row.type),
          payload: JSON.parse(String(row.payload)),
          occurredAt: new Date(num(row.occurred_at)),
        }),
      );
    },
    async latestSeq() {
      return num(latest.get());
    },
    async checkpoint(consumer) {
      const seq = getCheckpoint.get(consumer);
      return seq === undefined ? 0 : num(seq);
    },
    async commit(consumer, seq) {
      setCheckpoint.run(consumer, seq);
    },
    async deadLetter(consumer, event, error) {
      deadLetter.run(consumer, event.seq, error.slice(0, 2000), Date.now());
    },
    async deadLetters(consumer, limit) {
      return (deadLetters.all(consumer, limit) as Record<string, unknown>[]).map((row) => ({
        seq: num(row.seq), type: String(row.type), error: String(row.error), failedAt: new Date(num(row.failed_at)),
      }));
    },
    waitForAppend(ms) {
      return new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        const stop = outbox.onAppend(done);
        function done() {
          clearTimeout(timer);
          stop();
          resolve();
        }
      });
    },
  };
}
