import { decodeCursor, encodeCursor, invalidCursor } from '../../platform/cursor.js';
import { type Id, isId } from '../../platform/ids.js';

/**
 * Feed cursors. Post ids are time-sortable, so positions are ids, never offsets:
 * a post published while someone scrolls has a bigger id than any position they
 * hold and can never shift their pages.
 *
 * following: `b` = serve ids strictly below this one.
 * ranked: the feed is cut into windows of consecutive candidate ids [l, u); each
 * window is ranked as a whole and served across pages. `s` holds 32-bit hashes of
 * the posts already served from the current window, so re-ranking (counts change
 * between pages) can reorder what is left but never repeat or skip a post.
 * A window is left only once it is exhausted. `l` absent means "open the next
 * window below u".
 */
export type FeedPosition =
  | { mode: 'following'; before: Id | null }
  | { mode: 'ranked'; upper: Id | null; lower: Id | null; served: Set<number> };

type Raw = { m: string; b?: string; u?: string; l?: string; s?: string };
// The platform's rule, so a forged position past 2^63-1 is a 400, not a database error.
const isCursorId = (v: unknown) => typeof v === 'string' && isId(v);
const isRaw = (v: Record<string, unknown>): v is Raw =>
  (v.m === 'f' && (v.b === undefined || isCursorId(v.b)))
  || (v.m === 'r' && (v.u === undefined || isCursorId(v.u)) && (v.l === undefined || isCursorId(v.l)) && (v.s === undefined || (typeof v.s === 'string' && /^[A-Za-z0-9_-]*$/.test(v.s))));

/** FNV-1a over the decimal id: stable across processes and versions. */
export function postHash(id: Id): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function encodeFeedCursor(position: FeedPosition): string {
  if (position.mode === 'following') return encodeCursor(position.before === null ? { m: 'f' } : { m: 'f', b: position.before });
  const raw: Record<string, string> = { m: 'r' };
  if (position.upper !== null) raw.u = position.upper;
  if (position.lower !== null) raw.l = position.lower;
  if (position.served.size > 0) {
    const bytes = Buffer.allocUnsafe(position.served.size * 4); // every byte is written below
    let i = 0;
    for (const h of position.served) bytes.writeUInt32BE(h, 4 * i++);
    raw.s = bytes.toString('base64url');
  }
  return encodeCursor(raw);
}

/** Null for the first page; a 400 invalid_cursor for anything we did not give out, or a cursor of the other mode. */
export function decodeFeedCursor(cursor: string | undefined, mode: FeedPosition['mode']): FeedPosition | null {
  const raw = decodeCursor(cursor, isRaw);
  if (raw === null) return null;
  if ((raw.m === 'f') !== (mode === 'following')) throw invalidCursor(); // a cursor of the other mode
  if (raw.m === 'f') return { mode: 'following', before: raw.b ?? null };
  const served = new Set<number>();
  const bytes = Buffer.from(raw.s ?? '', 'base64url');
  for (let i = 0; i + 4 <= bytes.length; i += 4) served.add(bytes.readUInt32BE(i));
  return { mode: 'ranked', upper: raw.u ?? null, lower: raw.l ?? null, served };
}
