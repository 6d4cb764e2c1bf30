import { describe, expect, it } from 'vitest';
import { GenerationalCache, type InlineCodec } from './generational-cache.js';

const at = 1_000_000;
const fill = (cache: GenerationalCache<number>, from: number, to: number, now = at) => {
  for (let i = from; i < to; i++) cache.set(String(i), i, now);
};

describe('GenerationalCache', () => {
  it('when an entry is read, then it comes back until its time is up, and not a moment after', () => {
    const cache = new GenerationalCache<number>({ max: 10, ttlMs: 1000, random: () => 0 });
    cache.set('1', 1, at);
    expect(cache.get('1', at + 999)).toBe(1);
    expect(cache.get('1', at + 1000)).toBeUndefined();
    expect(cache.get('1', at)).toBeUndefined(); // dropped once seen expired
  });

  it('when keys are read at random, then every one among the max most recently used is a hit, as in an LRU of max', () => {
    const max = 8;
    const cache = new GenerationalCache<number>({ max, ttlMs: 60_000 });
    const recent: string[] = []; // most recently used first
    let seed = 7;
    for (let step = 0; step < 5_000; step++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      const key = String(seed % 40);
      const hit = cache.get(key, at);
      const rank = recent.indexOf(key);
      if (rank >= 0 && rank < max) expect(hit).toBe(Number(key));
      if (hit === undefined) cache.set(key, Number(key), at);
      if (rank >= 0) recent.splice(rank, 1);
      recent.unshift(key);
    }
  });

  it('when it is filled far past max, then at most twice max are held', () => {
    const cache = new GenerationalCache<number>({ max: 100, ttlMs: 60_000 });
    fill(cache, 0, 10_000);
    expect(cache.size).toBeLessThanOrEqual(200);
    for (let i = 9_900; i < 10_000; i++) expect(cache.get(String(i), at)).toBe(i);
  });

  it('when an entry is stored again, then the new value and a new expiry count, in either generation', () => {
    const cache = new GenerationalCache<number>({ max: 2, ttlMs: 1000 });
    cache.set('10', 1, at);
    cache.set('11', 2, at);
    cache.set('12', 5, at); // young is full: 10 and 11 move to the old generation
    cache.set('10', 3, at + 500);
    cache.set('13', 4, at + 500);
    expect(cache.get('10', at + 1200)).toBe(3);
    expect(cache.get('11', at + 1200)).toBeUndefined();
  });

  it('when an entry is deleted or everything is cleared, then nothing of it is served', () => {
    const cache = new GenerationalCache<number>({ max: 2, ttlMs: 60_000 });
    fill(cache, 0, 3);
    cache.delete('0');
    cache.delete('2');
    expect([cache.get('0', at), cache.get('1', at), cache.get('2', at)]).toEqual([undefined, 1, undefined]);
    cache.clear();
    expect(cache.get('1', at)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('when entries are stored together, then they expire spread over the last quarter before their time, never after it', () => {
    const draws = [0, 0.5, 0.999];
    const cache = new GenerationalCache<number>({ max: 10, ttlMs: 1000, random: () => draws.shift()! });
    fill(cache, 0, 3);
    expect([0, 1, 2].map((i) => cache.get(String(i), at + 750))).toEqual([0, 1, 2]);
    expect([0, 1, 2].map((i) => cache.get(String(i), at + 751))).toEqual([0, 1, undefined]);
    expect([0, 1].map((i) => cache.get(String(i), at + 875))).toEqual([0, undefined]);
    expect(cache.get('0', at + 999)).toBe(0);
    expect(cache.get('0', at + 1000)).toBeUndefined();
  });

  it('when ids are alike, then each keeps its own entry: zero, neighbours, the largest id, thousands at once', () => {
    const cache = new GenerationalCache<string>({ max: 10_000, ttlMs: 60_000 });
    const ids = ['12', '0', '9223372036854775807', '9223372036854775806', '1000000000', '100000000', '999999999'];
    for (let i = 0; i < 5_000; i++) ids.push(String(7_300_000_000_000_000_000n + BigInt(i) * 4_096n));
    for (const id of ids) cache.set(id, id, at);
    for (const id of ids) expect(cache.get(id, at)).toBe(id);
    expect(cache.size).toBe(ids.length);
  });

  it('when a key is not a decimal id of at most 19 digits without a leading zero, then it is never kept, so it is always read afresh', () => {
    const cache = new GenerationalCache<number>({ max: 10, ttlMs: 60_000 });
    for (const key of ['', 'abc', '12a', '-1', '1.5', '012', '12345678901234567890']) {
      cache.set(key, 1, at);
      expect(cache.get(key, at)).toBeUndefined();
    }
    expect(cache.size).toBe(0);
  });

  it('when entries are forgotten and stored again many times, then probing still finds every entry that is held', () => {
    const cache = new GenerationalCache<number>({ max: 1_000, ttlMs: 60_000 });
    fill(cache, 0, 600);
    for (let round = 0; round < 5; round++) {
      for (let i = round; i < 600; i += 5) cache.delete(String(i));
      for (let i = round; i < 600; i += 5) cache.set(String(i), i + round, at);
    }
    for (let i = 0; i < 600; i++) expect(cache.get(String(i), at)).toBe(i + (i % 5));
  });

  it('when values are kept inline, then each read answers a fresh object with the numbers stored, through generations and growth', () => {
    const pair: InlineCodec<{ a: number; b: number }> = {
      width: 2,
      write(value, cells, at) {
        cells[at] = value.a;
        cells[at + 1] = value.b;
      },
      read: (cells, at) => ({ a: cells[at]!, b: cells[at + 1]! }),
    };
    const cache = new GenerationalCache<{ a: number; b: number }>({ max: 300, ttlMs: 60_000, inline: pair });
    const stored = { a: 7, b: 2 ** 40 };
    cache.set('1', stored, at);
    for (let i = 2; i < 400; i++) cache.set(String(i), { a: i, b: -i }, at); // grows, then turns over
    expect(cache.get('1', at)).toEqual(stored); // from the old generation, moved back
    expect(cache.get('1', at)).not.toBe(stored);
    for (let i = 200; i < 400; i++) expect(cache.get(String(i), at)).toEqual({ a: i, b: -i });
    cache.delete('1');
    expect(cache.get('1', at)).toBeUndefined();
  });

  it('when an entry is deleted and the cache then turns over, then the old generation never hands it back', () => {
    const cache = new GenerationalCache<number>({ max: 4, ttlMs: 60_000 });
    fill(cache, 1, 5); // 1..4 fill the young generation
    cache.set('5', 5, at); // it turns over: 1..4 are old now, 5 is young
    cache.delete('2');
    expect(cache.get('2', at)).toBeUndefined();
    fill(cache, 6, 9); // young grows to four and turns over again: 5..8 old, 1..4 dropped
    cache.set('9', 9, at);
    expect(cache.get('2', at)).toBeUndefined();
    cache.set('10', 10, at);
    cache.delete('6');
    expect([5, 6, 7, 8].map((i) => cache.get(String(i), at))).toEqual([5, undefined, 7, 8]);
  });

  it('when a write names an id in a spelling the cache cannot read, then everything is forgotten', () => {
    const cache = new GenerationalCache<number>({ max: 10, ttlMs: 60_000 });
    fill(cache, 10, 14);
    cache.delete('012');
    expect(cache.size).toBe(0);
    expect(cache.get('12', at)).toBeUndefined();
  });
});
