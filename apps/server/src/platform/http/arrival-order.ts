/**
 * Lets requests reach their handlers in the order they arrived, one per turn of the
 * event loop.
 *
 * Why: one turn of the event loop reads every connection that has a request waiting,
 * and without this each is handled to the end in the order the kernel lists them.
 * Under load that is not arrival order (epoll puts sockets that became ready during a
 * turn ahead of some that were waiting longer), so a few connections keep waiting two
 * turns while the rest wait one: at 64 busy readers the slowest hundredth of feed
 * pages took twice the median (BENCHMARKS.md). Admitting one request per turn lets
 * each turn read what arrived meanwhile and queue it behind everything older: first
 * come, first served. It caps nothing: a request that awaits I/O lets the next one in.
 */
export interface ArrivalOrder {
  /** Queues `proceed`; it is called on a later turn, after everything queued before it. */
  admit(proceed: () => void): void;
}

/** `nextTurn` runs a step after the event loop has polled for I/O again (setImmediate); tests pass their own. */
export function createArrivalOrder(nextTurn: (step: () => void) => void): ArrivalOrder {
  const waiting: ((() => void) | undefined)[] = [];
  let head = 0;
  let scheduled = false;

  function step() {
    const proceed = waiting[head]!;
    waiting[head++] = undefined;
    if (head === waiting.length) {
      waiting.length = 0;
      head = 0;
      scheduled = false;
    } else {
      // Scheduled before `proceed` runs, so a handler that throws cannot stall the queue.
      nextTurn(step);
    }
    proceed();
  }

  return {
    admit(proceed) {
      waiting.push(proceed);
      if (!scheduled) {
        scheduled = true;
        nextTurn(step);
      }
    },
  };
}
