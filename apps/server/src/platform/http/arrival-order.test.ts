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

/** An arrival order on a hand-cranked loop, and the names of the requests it has let in so far. */
function queueOnManualLoop() {
  const loop = manualLoop();
  const order = createArrivalOrder(loop.nextTurn);
  const admitted: string[] = [];
  return { loop, order, admitted, arrive: (name: string) => order.admit(() => admitted.push(name)) };
}

describe('arrival order', () => {
  it('admits nothing on the turn a request arrives, then one request per turn, oldest first', () => {
    const { loop, admitted, arrive } = queueOnManualLoop();
    for (const name of ['a', 'b', 'c']) arrive(name);
    expect(admitted).toEqual([]);
    loop.turn();
    expect(admitted).toEqual(['a']);
    loop.turn();
    expect(admitted).toEqual(['a', 'b']);
  });

  it('queues a request that arrives while others wait behind all of them', () => {
    const { loop, admitted, arrive } = queueOnManualLoop();
    arrive('a');
    arrive('b');
    loop.turn();
    arrive('c');
    loop.turn();
    loop.turn();
    expect(admitted).toEqual(['a', 'b', 'c']);
  });

  it('stops asking for turns when the queue is empty, and starts again for the next arrival', () => {
    const { loop, admitted, arrive } = queueOnManualLoop();
    arrive('a');
    loop.turn();
    expect(loop.pending).toBe(0);
    arrive('b');
    expect(loop.pending).toBe(1);
    loop.turn();
    expect(admitted).toEqual(['a', 'b']);
  });

  it('keeps admitting after a request whose handler throws', () => {
    const { loop, order, admitted, arrive } = queueOnManualLoop();
    order.admit(() => {
      throw new Error('handler failed');
    });
    arrive('b');
    expect(() => loop.turn()).toThrow('handler failed');
    loop.turn();
    expect(admitted).toEqual(['b']);
  });

  it('keeps first come, first served through a long stretch in which the queue never empties', () => {
    const { loop, admitted, arrive } = queueOnManualLoop();
    arrive('0');
    arrive('1');
    for (let i = 2; i < 5000; i++) {
      arrive(String(i));
      loop.turn();
    }
    expect(admitted).toEqual(Array.from({ length: 4998 }, (_, i) => String(i)));
    expect(loop.pending).toBe(1);
  });

  it('admits in arrival order on the real event loop', async () => {
    const order = createArrivalOrder(setImmediate);
    const admitted: number[] = [];
    const all = Array.from({ length: 50 }, (_, i) => new Promise<void>((done) => order.admit(() => done(void admitted.push(i)))));
    await Promise.all(all);
    expect(admitted).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
