import { describe, expect, it } from 'vitest';
import { hammingDistance } from './duplicates.js';

/** The plain definition: compare the 64 bits one by one. */
const slowDistance = (a: string, b: string) => {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let bits = 0;
  for (; x; x >>= 1n) bits += Number(x & 1n);
  return bits;
};

describe('hammingDistance', () => {
  it('when hashes are equal, all ones against all zeros, or differ in the top or bottom bit, then the count is exact', () => {
    expect(hammingDistance('0123456789abcdef', '0123456789abcdef')).toBe(0);
    expect(hammingDistance('ffffffffffffffff', '0000000000000000')).toBe(64);
    expect(hammingDistance('8000000000000000', '0000000000000000')).toBe(1);
    expect(hammingDistance('0000000000000001', '0000000000000000')).toBe(1);
    expect(hammingDistance('0000000180000000', '0000000000000000')).toBe(2);
  });

  it('when hashes are random, then the count matches the bit-by-bit definition', () => {
    const random = () => Array.from({ length: 16 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
    for (let i = 0; i < 500; i++) {
      const [a, b] = [random(), random()];
      expect(hammingDistance(a, b), `${a} ${b}`).toBe(slowDistance(a, b));
    }
  });
});
