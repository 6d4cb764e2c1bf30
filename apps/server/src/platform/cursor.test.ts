import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { decodeCursor, encodeCursor, isSeqCursor } from './cursor.js';

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const expectInvalid = (cursor: string) => {
  try {
    decodeCursor(cursor, isSeqCursor);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_cursor' });
    return;
  }
  throw new Error(`cursor ${cursor} was accepted`);
};

describe('cursors', () => {
  it('when a position is encoded, then it decodes back unchanged and is URL-safe', () => {
    const cursor = encodeCursor({ s: '764975053652623368' });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, isSeqCursor)).toEqual({ s: '764975053652623368' });
  });

  it('when no cursor is given, then it means the first page', () => {
    expect(decodeCursor(undefined, isSeqCursor)).toBeNull();
    expect(decodeCursor('', isSeqCursor)).toBeNull();
  });

  it('when a cursor is garbage, foreign or forged, then 400 invalid_cursor', () => {
    for (const cursor of ['%%%', 'not base64 at all', b64('{"s":'), b64('null'), b64('[1,2]'), b64('"s"'), b64('{"x":"1"}'), b64('{"s":1}'),
      b64('{"s":"-1"}'), b64('{"s":"01"}'), b64('{"s":"9223372036854775808"}'), b64('{"s":"9999999999999999999"}'), b64('{"s":"1 OR 1=1"}')]) {
      expectInvalid(cursor);
    }
  });
});
