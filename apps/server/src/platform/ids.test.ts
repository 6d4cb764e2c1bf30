import { describe, expect, it } from 'vitest';
import { compareIds, createIdGenerator, EPOCH_MS, idEpochMs, idLowerBound, isId } from './ids.js';

const idTimestamp = (id: string) => new Date(idEpochMs(id));
const parts = (id: string) => {
  const n = BigInt(id);
  return { ms: Number(n >> 23n), shard: Number((n >> 10n) & 0x1fffn), seq: Number(n & 0x3ffn) };
};

describe('ids', () => {
  it('when ids are made, then they lay out 41 bits of time, 13 of shard and 10 of sequence', () => {
    const now = EPOCH_MS + 123_456_789;
    const id = createIdGenerator(4321, () => now).next();
    expect(parts(id)).toEqual({ ms: 123_456_789, shard: 4321, seq: 0 });
    expect(BigInt(id) < 1n << 63n).toBe(true);
  });

  it('when many ids are made in one millisecond, then the sequence counts up and they stay strictly increasing', () => {
    const gen = createIdGenerator(1, () => EPOCH_MS + 1000);
    const ids = Array.from({ length: 2500 }, () => gen.next());
    for (let i = 1; i < ids.length; i++) expect(BigInt(ids[i]!) > BigInt(ids[i - 1]!)).toBe(true);
    expect(parts(ids[1]!).seq).toBe(1);
    expect(parts(ids[1023]!)).toMatchObject({ ms: 1000, seq: 1023 });
    expect(parts(ids[1024]!)).toMatchObject({ ms: 1001, seq: 0 }); // sequence exhausted: borrows the next millisecond
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('when the clock steps back, then ids still increase', () => {
    let now = EPOCH_MS + 10_000;
    const gen = createIdGenerator(0, () => now);
    const a = gen.next();
    now -= 5_000;
    const b = gen.next();
    expect(BigInt(b) > BigInt(a)).toBe(true);
  });

  it('when the shard is out of range, then making a generator fails', () => {
    expect(() => createIdGenerator(8192)).toThrow(RangeError);
    expect(() => createIdGenerator(-1)).toThrow(RangeError);
    expect(() => createIdGenerator(1.5)).toThrow(RangeError);
    expect(() => createIdGenerator(8191)).not.toThrow();
  });

  it('when an id is read back, then its timestamp is when it was made, and the lower bound sorts at or before it', () => {
    const at = new Date('2026-05-06T07:08:09.123Z');
    const id = createIdGenerator(77, () => at.getTime()).next();
    expect(idTimestamp(id).toISOString()).toBe(at.toISOString());
    expect(BigInt(idLowerBound(at)) <= BigInt(id)).toBe(true);
    expect(BigInt(idLowerBound(new Date(at.getTime() + 1))) > BigInt(id)).toBe(true);
    expect(idLowerBound(new Date(0))).toBe('0');
  });

  it('when an id sits at the edge of a millisecond, then its timestamp is still exact', () => {
    const exact = (id: bigint) => Number(id >> 23n) + EPOCH_MS;
    const edges: bigint[] = [0n, 1n, (1n << 63n) - 1n];
    for (let ms = 1n; ms < 1n << 40n; ms = ms * 3n + 1n) {
      for (const offset of [-1n, 0n, 1n, 511n, 512n, 513n]) edges.push((ms << 23n) + offset, (ms << 23n) - offset - 1n);
    }
    for (let i = 0; i < 2000; i++) edges.push(BigInt(Math.floor(Math.random() * 2 ** 40)) * (1n << 23n) + BigInt(Math.floor(Math.random() * 2 ** 23)));
    for (const id of edges.filter((e) => e >= 0n && e < 1n << 63n)) {
      expect(idEpochMs(id.toString()), id.toString()).toBe(exact(id));
      expect(idTimestamp(id.toString()).getTime(), id.toString()).toBe(exact(id));
    }
  });

  it('when an id has any number of digits from 1 to 19, then its timestamp is exact', () => {
    const exact = (id: bigint) => Number(id >> 23n) + EPOCH_MS;
    for (let digits = 1n; digits <= 19n; digits++) {
      const smallest = digits === 1n ? 0n : 10n ** (digits - 1n);
      for (const id of [smallest, smallest + 1n, 10n ** digits - 1n, (smallest + 10n ** digits) / 2n]) {
        if (id < 1n << 63n) expect(idEpochMs(id.toString()), id.toString()).toBe(exact(id));
      }
    }
  });

  it('when a string is checked, then only canonical decimals from 0 to 2^63-1 are ids', () => {
    for (const ok of ['0', '1', '764975053652623368', '9223372036854775807']) expect(isId(ok), ok).toBe(true);
    for (const bad of ['', '-1', '01', '0123', '9223372036854775808', '99999999999999999999', '1.5', '1e5', ' 1', 'abc', '0x10', '١٢٣']) {
      expect(isId(bad), bad).toBe(false);
    }
  });

  it('when ids are compared, then the order is numeric, as BigInt would give it, without parsing', () => {
    const ids = ['9', '10', '0', '99', '100', '763887238856376320', '763887238856376321', '9223372036854775807', '1000000000000000000'];
    const byBigInt = [...ids].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
    expect([...ids].sort(compareIds)).toEqual(byBigInt);
    expect(compareIds('42', '42')).toBe(0);
  });
});
