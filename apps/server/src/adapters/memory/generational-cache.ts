import type { Id } from '../../platform/ids.js';
import { spreadTtl } from './spread-expiry.js';

/** Per slot of a generation's `cells`: the id's leading digits, its last nine plus its length, the expiry, then an inline value. */
const HIGH = 0;
const LOW = 1;
const EXPIRES = 2;
const VALUE = 3;
/** An expiry no clock reaches: the slot keeps its id, so probing past it still works, but holds nothing. */
const FORGOTTEN = -1;
const FIRST_SLOTS = 256;
const TWO_32 = 4_294_967_296;

/**
 * How a value made only of numbers is kept inside its slot instead of as an object
 * elsewhere in the heap: one memory access fewer a read (the post counters a ranked page
 * scores, sixty a page). `read` makes a fresh object each time.
 */
export interface InlineCodec<V> {
  /** Doubles one value takes. */
  width: number;
  write(value: V, cells: Float64Array, at: number): void;
  read(cells: Float64Array, at: number): V;
}

/**
 * One generation: an open-addressing table over decimal ids. Each id is two exact
 * doubles in a Float64Array with its expiry beside it, and the value either inline
 * after them or in a parallel array, so finding an entry reads one or two adjacent
 * slots, not a Map's bucket, entry, key string and wrapper object in four places of the heap.
 */
class Generation<V> {
  readonly cells: Float64Array;
  /** The values, when they are not inline. */
  readonly values: (V | undefined)[] | null;
  /** Slots with an id, forgotten ones included: linear probing cannot empty a slot. */
  taken = 0;
  /** Slots holding a value. */
  live = 0;

  constructor(
    readonly slots: number,
    readonly stride: number,
    inline: boolean,
  ) {
    this.cells = new Float64Array(slots * stride);
    this.values = inline ? null : new Array<V | undefined>(slots).fill(undefined);
  }

  /** The slot holding the id (high, low), or the empty one where it would go. */
  slotOf(high: number, low: number, hash: number): number {
    const mask = this.slots - 1;
    const { cells, stride } = this;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot * stride;
      const stored = cells[at + LOW]!;
      if (stored === 0 || (stored === low && cells[at + HIGH] === high)) return slot;
    }
  }

  /** Whether the slot has an id: a value, or a forgotten one. */
  holds(slot: number): boolean {
    return this.cells[slot * this.stride + LOW] !== 0;
  }

  expires(slot: number): number {
    return this.cells[slot * this.stride + EXPIRES]!;
  }

  forget(slot: number): void {
    const at = slot * this.stride + EXPIRES;
    if (this.cells[at] === FORGOTTEN) return;
    this.cells[at] = FORGOTTEN;
    if (this.values) this.values[slot] = undefined;
    this.live--;
  }
}

/**
 * A bounded, expiring map from ids to values for the hottest lookups (a ranked feed
 * page makes about a hundred: its posts, authors and the counters of its whole
 * window). Two generations of up to `max` entries each: entries go into the young
 * one; when it is full it becomes the old one and the previous old one is dropped
 * whole; a hit in the old one moves the entry back to the young. An entry is
 * therefore kept until at least `max` others have been stored after its last use
 * (every hit an LRU of `max` would have, and more), and at most `2 * max` are held.
 *
 * Why not plain Maps, as before: on this kind of machine a lookup in a big Map that
 * the CPU caches have lost costs about half a microsecond, nearly all of it waiting
 * on memory, and a Map of string keys touches four scattered places per hit. Here a
 * hit reads the slot (id and expiry together) and the value, and the table is one
 * compact array. The counters a ranked page reads took half the time.
 *
 * Keys are ids as we write them: decimal, at most 19 digits, no leading zero. Anything
 * else is never kept, so it is read from the store every time: slower, never wrong; a
 * delete of anything else forgets everything. Expiry is
 * exact: set when the value is stored (spread below the TTL, see spread-expiry.ts)
 * and checked on every get against the `now` the caller passes, so a batch reads
 * its clock once.
 */
export class GenerationalCache<V> {
  #young: Generation<V>;
  #old: Generation<V>;
  readonly #max: number;
  /** Slots at which a generation stops growing: the power of two at or above twice `max`, so probing stays short. */
  readonly #maxSlots: number;
  readonly #ttlMs: number;
  readonly #random: () => number;
  readonly #inline: InlineCodec<V> | null;
  readonly #stride: number;
  // The id last parsed, as two exact doubles and a hash: set by #parse, read right after.
  #high = 0;
  #low = 0;
  #hash = 0;

  /**
   * `random` draws where below the TTL an entry expires (spread-expiry.ts); a test passes
   * `() => 0` for exactly the TTL. `inline` keeps values made of numbers inside their slots.
   */
  constructor(options: { max: number; ttlMs: number; random?: () => number; inline?: InlineCodec<V> }) {
    this.#max = Math.max(1, options.max);
    let slots = FIRST_SLOTS;
    while (slots < 2 * this.#max) slots *= 2;
    this.#maxSlots = slots;
    this.#ttlMs = options.ttlMs;
    this.#random = options.random ?? Math.random;
    this.#inline = options.inline ?? null;
    this.#stride = VALUE + (this.#inline?.width ?? 0);
    this.#young = this.#generation(FIRST_SLOTS);
    this.#old = this.#generation(FIRST_SLOTS);
  }

  get(id: Id, now: number): V | undefined {
    if (!this.#parse(id)) return undefined;
    const young = this.#young;
    let slot = young.slotOf(this.#high, this.#low, this.#hash);
    if (young.holds(slot)) {
      // In the young generation, fresh, expired or forgotten: the old one holds nothing newer.
      if (young.expires(slot) > now) return this.#read(young, slot);
      young.forget(slot);
      return undefined;
    }
    const old = this.#old;
    slot = old.slotOf(this.#high, this.#low, this.#hash);
    if (!old.holds(slot)) return undefined;
    const expires = old.expires(slot); // FORGOTTEN when forgotten, so never later than now
    if (expires <= now) {
      old.forget(slot);
      return undefined;
    }
    const value = this.#read(old, slot);
    old.forget(slot);
    this.#put(value, expires);
    return value;
  }

  set(id: Id, value: V, now: number): void {
    if (!this.#parse(id)) return;
    this.#forgetIn(this.#old);
    this.#put(value, now + spreadTtl(this.#ttlMs, this.#random));
  }

  delete(id: Id): void {
    // A spelling the cache cannot read may still name a row the store can ("012" is row 12
    // to SQLite): forgetting everything is the only way to be sure nothing stale is left.
    if (!this.#parse(id)) {
      this.clear();
      return;
    }
    this.#forgetIn(this.#young);
    this.#forgetIn(this.#old);
  }

  clear(): void {
    this.#young = this.#generation(FIRST_SLOTS);
    this.#old = this.#generation(FIRST_SLOTS);
  }

  /** Entries held, expired ones not yet seen included. */
  get size(): number {
    return this.#young.live + this.#old.live;
  }

  #generation(slots: number): Generation<V> {
    return new Generation<V>(slots, this.#stride, this.#inline !== null);
  }

  #read(generation: Generation<V>, slot: number): V {
    if (this.#inline) return this.#inline.read(generation.cells, slot * this.#stride + VALUE);
    return generation.values![slot]!;
  }

  /** Stores the parsed id's value in the young generation, which may first grow or turn old. */
  #put(value: V, expires: number): void {
    let young = this.#young;
    let slot = young.slotOf(this.#high, this.#low, this.#hash);
    let live = false;
    if (young.holds(slot)) live = young.expires(slot) !== FORGOTTEN;
    else {
      const full = young.taken >= this.#max;
      if (full || (2 * (young.taken + 1) > young.slots && young.slots < this.#maxSlots)) {
        young = full ? this.#turnOver() : this.#grow();
        slot = young.slotOf(this.#high, this.#low, this.#hash);
      }
      young.taken++;
    }
    if (!live) young.live++;
    const at = slot * this.#stride;
    young.cells[at + HIGH] = this.#high;
    young.cells[at + LOW] = this.#low;
    young.cells[at + EXPIRES] = expires;
    if (this.#inline) this.#inline.write(value, young.cells, at + VALUE);
    else young.values![slot] = value;
  }

  #forgetIn(generation: Generation<V>): void {
    const slot = generation.slotOf(this.#high, this.#low, this.#hash);
    if (generation.holds(slot)) generation.forget(slot);
  }

  /** The young generation becomes the old one; the old one's entries are dropped whole. */
  #turnOver(): Generation<V> {
    this.#old = this.#young;
    this.#young = this.#generation(this.#old.slots);
    return this.#young;
  }

  /** Twice the slots, the entries holding values moved over (forgotten ones are left behind). */
  #grow(): Generation<V> {
    const from = this.#young;
    const to = this.#generation(from.slots * 2);
    const stride = this.#stride;
    for (let slot = 0; slot < from.slots; slot++) {
      if (!from.holds(slot) || from.expires(slot) === FORGOTTEN) continue;
      const at = slot * stride;
      const into = to.slotOf(from.cells[at + HIGH]!, from.cells[at + LOW]!, hashOf(from.cells[at + HIGH]!, from.cells[at + LOW]!));
      to.cells.set(from.cells.subarray(at, at + stride), into * stride);
      if (from.values) to.values![into] = from.values[slot];
      to.taken++;
      to.live++;
    }
    this.#young = to;
    return to;
  }

  /**
   * Reads a decimal id of 1 to 19 digits, without leading zeros, into two exact doubles: its
   * leading digits, and its last nine plus a billion times its length (so no id reads as the
   * empty slot's 0). False for anything else.
   */
  #parse(id: string): boolean {
    const length = id.length;
    // A leading zero is refused too: "012" names the same row as "12", so only one spelling
    // is ever kept, and a write through another forgets everything (see delete).
    if (length === 0 || length > 19 || (length > 1 && id.charCodeAt(0) === 48)) return false;
    const split = length > 9 ? length - 9 : 0;
    let high = 0;
    for (let i = 0; i < split; i++) {
      const digit = id.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) return false;
      high = high * 10 + digit;
    }
    let low = 0;
    for (let i = split; i < length; i++) {
      const digit = id.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) return false;
      low = low * 10 + digit;
    }
    this.#high = high;
    this.#low = low + length * 1e9;
    this.#hash = hashOf(high, this.#low);
    return true;
  }
}

/** Mixes both halves of an id into 32 bits (MurmurHash3's finaliser), so consecutive ids scatter over the table. */
function hashOf(high: number, low: number): number {
  let h = Math.imul((low >>> 0) ^ Math.imul((low / TWO_32) | 0, 0x27d4eb2f), 0x85ebca6b);
  h ^= Math.imul(high >>> 0, 0xcc9e2d51) ^ ((high / TWO_32) | 0);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
