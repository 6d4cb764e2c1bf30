/**
 * 64-bit time-sortable ids (seed 001): 41 bits of milliseconds since EPOCH_MS,
 * 13 bits of shard, 10 bits of sequence. Sent as decimal strings because JSON
 * numbers lose precision past 2^53.
 */
export type Id = string;

export const EPOCH_MS = Date.UTC(2024, 0, 1);
const SHARD_BITS = 13n;
const SEQUENCE_BITS = 10n;
const MAX_SHARD = (1 << Number(SHARD_BITS)) - 1;
const MAX_SEQUENCE = (1 << Number(SEQUENCE_BITS)) - 1;
const MAX_ID = (1n << 63n) - 1n;

export interface IdGenerator {
  next(): Id;
}

export function createIdGenerator(shard: number, now: () => number = Date.now): IdGenerator {
  if (!Number.isInteger(shard) || shard < 0 || shard > MAX_SHARD) {
    throw new RangeError(`shard must be an integer in 0..${MAX_SHARD}`);
  }
  let lastMs = -1;
  let sequence = 0;
  return {
    next() {
      let ms = now() - EPOCH_MS;
      if (ms < lastMs) ms = lastMs; // clock stepped back: keep ids monotonic
      if (ms === lastMs) {
        sequence = (sequence + 1) & MAX_SEQUENCE;
        if (sequence === 0) ms = lastMs + 1; // sequence exhausted: borrow the next millisecond
      } else {
        sequence = 0;
      }
      lastMs = ms;
      const id = (BigInt(ms) << (SHARD_BITS + SEQUENCE_BITS)) | (BigInt(shard) << SEQUENCE_BITS) | BigInt(sequence);
      return id.toString();
    },
  };
}

/**
 * Orders two ids numerically without parsing them: ids are canonical decimals (no
 * leading zeros, see isId), so a longer one is bigger and equal lengths compare as
 * text. Sorting and ranking call this thousands of times a page; BigInt parsing was
 * the most expensive part of ranking a window.
 */
export function compareIds(a: Id, b: Id): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A path id that cannot be one of ours names nothing: answers it as the caller's not-found error. */
export function requireId(raw: string, notFound: () => Error): Id {
  if (!isId(raw)) throw notFound();
  return raw;
}

const ID_UNITS_PER_MS = 2 ** Number(SHARD_BITS + SEQUENCE_BITS);
/**
 * When the id was made, in milliseconds since the Unix epoch, exact, with neither
 * BigInt nor a Date: ranking asks this for every candidate of every page. The id is
 * read as hi * 10^7 + lo, two parts a double holds exactly, and with hi = q * 2^23 + r
 * the quotient id / 2^23 is q * 10^7 + floor((r * 10^7 + lo) / 2^23), every step exact.
 */
export function idEpochMs(id: Id): number {
  const split = id.length - 7;
  let hi = 0;
  for (let i = 0; i < split; i++) hi = hi * 10 + (id.charCodeAt(i) - 48);
  let lo = 0;
  for (let i = Math.max(0, split); i < id.length; i++) lo = lo * 10 + (id.charCodeAt(i) - 48);
  const q = Math.floor(hi / ID_UNITS_PER_MS);
  const r = hi - q * ID_UNITS_PER_MS;
  return q * 1e7 + Math.floor((r * 1e7 + lo) / ID_UNITS_PER_MS) + EPOCH_MS;
}

/** The smallest id that could have been made at or after `date`: a lower bound for range scans. */
export function idLowerBound(date: Date): Id {
  const ms = Math.max(0, date.getTime() - EPOCH_MS);
  return (BigInt(ms) << (SHARD_BITS + SEQUENCE_BITS)).toString();
}

/**
 * True for a decimal string that can be one of our ids; anything else cannot name a stored object.
 * Only the canonical form counts: "0123" would name id 123 in storage while comparing unequal to
 * "123" in code (a self-follow check, an owner check), so leading zeros are refused.
 */
export function isId(value: string): boolean {
  if (!/^(0|[1-9][0-9]{0,18})$/.test(value)) return false;
  return BigInt(value) <= MAX_ID;
}
