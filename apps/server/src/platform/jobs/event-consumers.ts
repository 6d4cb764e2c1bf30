import type { EventLog, EventSubscription, StoredEvent } from '../events.js';
import type { Logger } from '../logger.js';

/** Events read per round: a backlog of posts fans out a thousand at a time (see fan-out-post.job.ts). */
const BATCH = 1000;
const MAX_ATTEMPTS = 5;

/**
 * Runs each subscription as its own consumer over the event log: in order,
 * at least once, with retries and a dead letter after MAX_ATTEMPTS so one bad
 * event never stalls the rest. Ends when stop() is called.
 */
export function startEventConsumers(
  log: EventLog,
  subscriptions: readonly EventSubscription[],
  logger: Logger,
  options: { idleWaitMs?: number; retryDelayMs?: number } = {},
) {
  let running = true;
  const idleWaitMs = options.idleWaitMs ?? 1000;
  const retryDelayMs = options.retryDelayMs ?? 200;
  let busy = 0;

  const loops = subscriptions.map(async (subscription) => {
    let position = await log.checkpoint(subscription.name);
    while (running) {
      const events = await log.readAfter(position, BATCH);
      if (events.length === 0) {
        await log.waitForAppend(idleWaitMs);
        continue;
      }
      busy++;
      try {
        const mine = events.filter((event) => subscription.types.includes(event.type));
        if (subscription.handleBatch && mine.length > 1 && (await deliverBatch(subscription, mine))) {
          position = events[events.length - 1]!.seq;
        } else {
          for (const event of events) {
            if (!running) break;
            if (subscription.types.includes(event.type)) await deliver(subscription, event);
            position = event.seq;
          }
        }
        await log.commit(subscription.name, position);
      } finally {
        busy--;
      }
    }
  });

  /** True when the whole batch was handled; false sends the caller to one-by-one delivery. */
  async function deliverBatch(subscription: EventSubscription, events: readonly StoredEvent[]): Promise<boolean> {
    try {
      await subscription.handleBatch!(events);
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.warn({ consumer: subscription.name, from: events[0]!.seq, count: events.length, err: message }, 'batch failed; retrying its events one by one');
      return false;
    }
  }

  async function deliver(subscription: EventSubscription, event: StoredEvent) {
    for (let attempt = 1; ; attempt++) {
      try {
        await subscription.handle(event);
        return;
      } catch (error) {
        const message = error instanceof Error ? error.stack ?? error.message : String(error);
        if (attempt >= MAX_ATTEMPTS || !running) {
          logger.error({ consumer: subscription.name, seq: event.seq, type: event.type, err: message }, 'event handler gave up; dead-lettered');
          await log.deadLetter(subscription.name, event, message);
          return;
        }
        logger.warn({ consumer: subscription.name, seq: event.seq, attempt }, 'event handler failed; retrying');
        await new Promise((r) => setTimeout(r, retryDelayMs * attempt));
      }
    }
  }

  return {
    /** Resolves once every consumer has handled everything in the log (tests and benchmarks use this). */
    async drain(timeoutMs = 15_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const latest = await log.latestSeq();
        const checkpoints = await Promise.all(subscriptions.map((s) => log.checkpoint(s.name)));
        if (busy === 0 && checkpoints.every((seq) => seq >= latest)) return;
        await new Promise((r) => setTimeout(r, 5));
      }
      throw new Error('event consumers did not catch up in time');
    },
    async stop(): Promise<void> {
      running = false;
      await Promise.all(loops);
    },
  };
}
