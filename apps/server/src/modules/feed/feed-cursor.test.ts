import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { decodeFeedCursor, encodeFeedCursor, postHash } from './feed-cursor.js';

describe('feed cursors', () => {
  it('when a following cursor round-trips, then the position is kept', () => {
    const c = encodeFeedCursor({ mode: 'following', before: '7318273649812345856' });
    expect(decodeFeedCursor(c, 'following')).toEqual({ mode: 'following', before: '7318273649812345856' });
  });
  it('when a ranked cursor round-trips, then the window and served set are kept', () => {
    const served = new Set([postHash('1'), postHash('2'), postHash('9223372036854775807')]);
    const c = encodeFeedCursor({ mode: 'ranked', upper: '100', lower: '50', served });
    expect(decodeFeedCursor(c, 'ranked')).toEqual({ mode: 'ranked', upper: '100', lower: '50', served });
  });
  it('when forty posts have been served, then the cursor still fits in 400 characters', () => {
    const served = new Set(Array.from({ length: 40 }, (_, i) => postHash(String(7318273649812345856n + BigInt(i)))));
    expect(encodeFeedCursor({ mode: 'ranked', upper: '7318273649812345856', lower: '7318273649812345000', served }).length).toBeLessThan(400);
  });
  it('when a cursor is garbage or from the other mode, then it is a 400 invalid_cursor', () => {
    const following = encodeFeedCursor({ mode: 'following', before: '5' });
    for (const [cursor, mode] of [['nope', 'ranked'], [following, 'ranked'], ['eyJtIjoiZiIsImIiOiJ4In0', 'following']] as const) {
      expect(() => decodeFeedCursor(cursor, mode)).toThrow(AppError);
    }
  });
  it('when there is no cursor, then it is the first page', () => {
    expect(decodeFeedCursor(undefined, 'ranked')).toBeNull();
  });
  it('when hashing ids, then the hash is a stable 32-bit number', () => {
    expect(postHash('123')).toBe(postHash('123'));
    expect(postHash('123')).not.toBe(postHash('124'));
    expect(postHash('9223372036854775807')).toBeLessThan(2 ** 32);
  });

  it('when a forged following cursor names an id past 2^63-1, then it is refused as invalid, not passed to storage', () => {
    const forged = Buffer.from(JSON.stringify({ m: 'f', b: '9999999999999999999' })).toString('base64url');
    expect(() => decodeFeedCursor(forged, 'following')).toThrow(/cursor/i);
  });
});
