import { badRequest } from './errors.js';
import { isId } from './ids.js';

/**
 * Cursors are opaque to clients: base64url JSON of a position (never an offset),
 * so pages stay stable while rows are inserted before them.
 */
export function encodeCursor(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor<T extends Record<string, string | number>>(
  cursor: string | undefined,
  check: (value: Record<string, unknown>) => value is T,
): T | null {
  if (cursor === undefined || cursor === '') return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && check(value)) return value;
  } catch {
    // falls through to the same answer as a well-formed but foreign cursor
  }
  throw invalidCursor();
}

/** The one answer for any cursor we did not give out (or gave out for another listing). */
export function invalidCursor() {
  return badRequest('invalid_cursor', 'The cursor is not one this server gave out. Start from the first page.');
}

/** A cursor holding one decimal id or sequence: the common case. Out-of-range numbers are refused, not passed to storage. */
export const isSeqCursor = (value: Record<string, unknown>): value is { s: string } =>
  typeof value.s === 'string' && isId(value.s);

/** The position in a one-id cursor, or null for the first page. */
export const seqAfter = (cursor?: string): string | null => decodeCursor(cursor, isSeqCursor)?.s ?? null;
/** The cursor for the next page of a one-id listing, or null at the end. */
export const seqCursor = (next: string | null): string | null => (next ? encodeCursor({ s: next }) : null);
