/** The share of the TTL by which an entry may expire early. */
const SPREAD = 0.25;

/**
 * How long one entry may be served: a time drawn from the last quarter below the TTL.
 * Entries stored together (a warm-up, a restart, a crowd arriving at once) would
 * otherwise all expire together and be read from the store again in the same moment,
 * once every TTL: on the feed bench, a slow stretch of pages every 30 s. Spread, those
 * reads are a steady trickle. Never longer than the TTL, so it stays the bound on how
 * stale another process's write can be.
 */
export function spreadTtl(ttlMs: number, random: () => number = Math.random): number {
  return ttlMs - Math.floor(ttlMs * SPREAD * random());
}
