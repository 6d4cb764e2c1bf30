import { describe, expect, it } from 'vitest';
import { createArrivalOrder } from './arrival-order.js';

/** A hand-cranked event loop: `turn()` runs the steps scheduled before it, as one loop turn would. */
function manualLoop() {
  let scheduled: (() => void)[] = [];
  return {
    nextTurn: (step: () => void) => void scheduled.push(step),
    turn() {
      const due = scheduled;
      scheduled = [];
      for (const step of due) step();
    },
    get pending() {
      return scheduled.length;
    },
  };
}

describe('arrival order', () => {
  it('admits nothing on the turn a request arrives, then one request per turn, oldest first', () => {
    const loop = manualLoop();
    const order = createArrivalOrder(loop.nextTurn);
    const admitted: string[] = [];
    for (const name of ['a', 'b', 'c']) order.admit(() => admitted.push(name));
    expect(admitted).toEqual([]);
    loop.turn();
    expect(admitted).toEqual(['a']);
    loop.turn();
    expect(admitted).toEqual(['a', 'b']);
  });

  it('queues a request that arrives while others wait behind all of them', () => {
    const loop = manualLoop();
    const order = createArrivalOrder(loop.nextTurn);
    const admitted: string[] = [];
    order.admit(() => admitted.push('a'));
    order.admit(() => admitted.push('b'));
    loop.turn();
    order.admit(() => admitted.push('c'));
    loop.turn();
    loop.turn();
    expect(admitted).toEqual(['a', 'b', 'c']);
  });

  it('stops asking for turns when the queue is empty, and starts again for the next arrival', () => {
    const loop = manualLoop();
    const order = createArrivalOrder(loop.nextTurn);
    const admitted: string[] = [];
    order.admit(() => admitted.push('a'));
    loop.turn();
    expect(loop.pending).toBe(0);
    order.admit(() => admitted.push('b'));
    expect(loop.pending).toBe(1);
    loop.turn();
    expect(admitted).toEqual(['a', 'b']);
  });

  it('keeps admitting after a request whose handler throws', () => {
    const loop = manualLoop();
    const order = createArrivalOrder(loop.nextTurn);
    const admitted: string[] = [];
    order.admit(() => {
      throw new Error('handler failed');
    });
    order.admit(() => admitted.push('b'));
    expect(() => loop.turn()).toThrow('handler failed');
    loop.turn();
    expect(admitted).toEqual(['b']);
  });

  it('admits in arrival order on the real event loop', async () => {
    const order = createArrivalOrder(setImmediate);
    const admitted: number[] = [];
    const all = Array.from({ length: 50 }, (_, i) => new Promise<void>((done) => order.admit(() => done(void admitted.push(i)))));
    await Promise.all(all);
    expect(admitted).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
