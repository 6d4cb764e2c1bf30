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

/** One queued request; the queue is a linked list, so it holds only what is waiting however long it never drains. */
interface Waiting {
  proceed: () => void;
  next: Waiting | null;
}

/** `nextTurn` runs a step after the event loop has polled for I/O again (setImmediate); tests pass their own. */
export function createArrivalOrder(nextTurn: (step: () => void) => void): ArrivalOrder {
  // A step is scheduled exactly while the queue is not empty.
  let first: Waiting | null = null;
  let last: Waiting | null = null;

  function step() {
    const { proceed, next } = first!;
    first = next;
    if (first === null) last = null;
    // Scheduled before `proceed` runs, so a handler that throws cannot stall the queue.
    else nextTurn(step);
    proceed();
  }

  return {
    admit(proceed) {
      const waiting: Waiting = { proceed, next: null };
      if (last === null) {
        first = last = waiting;
        nextTurn(step);
      } else {
        last.next = waiting;
        last = waiting;
      }
    },
  };
}
