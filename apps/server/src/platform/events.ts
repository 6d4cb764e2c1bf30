import type { Id } from './ids.js';

/**
 * A fact that already happened, written to the outbox in the same transaction as
 * the change it describes. Consumers must be idempotent: at-least-once delivery.
 */
export interface DomainEvent<T extends string = string, P = unknown> {
  type: T;
  payload: P;
}

export interface StoredEvent extends DomainEvent {
  /** Position in the outbox; strictly increasing in commit order. */
  seq: number;
  occurredAt: Date;
}

export type EventHandler = (event: StoredEvent) => Promise<void>;

/** A named, independent consumer of some event types (a Kafka consumer group at scale). */
export interface EventSubscription {
  name: string;
  types: readonly string[];
  handle: EventHandler;
  /**
   * Optional: handles several of its events at once, in order (a fan-out writes
   * many posts in one transaction). If it throws, each event is retried alone
   * through `handle`, so one bad event is dead-lettered without holding the rest.
   */
  handleBatch?: (events: readonly StoredEvent[]) => Promise<void>;
}

export interface DeadLetter {
  seq: number;
  type: string;
  error: string;
  failedAt: Date;
}

/**
 * The durable event log. Writes happen inside each store's own transaction (the
 * store takes the events to append); this port reads them back for consumers.
 */
export interface EventLog {
  /** Events after `afterSeq` in commit order, at most `limit`. */
  readAfter(afterSeq: number, limit: number): Promise<StoredEvent[]>;
  /** The newest position in the log, 0 when empty. */
  latestSeq(): Promise<number>;
  /** The consumer's last fully handled position, 0 when new. */
  checkpoint(consumer: string): Promise<number>;
  /** Moves the consumer's position forward; never backwards. */
  commit(consumer: string, seq: number): Promise<void>;
  /** Records an event the consumer gave up on, so it is visible and can be replayed. */
  deadLetter(consumer: string, event: StoredEvent, error: string): Promise<void>;
  /** The consumer's dead letters, oldest event first: what an operator inspects before replaying. */
  deadLetters(consumer: string, limit: number): Promise<DeadLetter[]>;
  /** Resolves soon after new events are appended, or after `ms`. */
  waitForAppend(ms: number): Promise<void>;
}

export type UserId = Id;
