import type { Id } from '../../platform/ids.js';
import { spreadTtl } from './spread-expiry.js';

interface Entry<V> {
  value: V;
  /** Ms after the cache's base time after which the entry is not served (see #expiry). */
  expires: number;
}

/**
 * Expiries are kept as small integers, ms from a base time, not as epoch ms: V8 stores a
 * small integer in the entry itself but boxes an epoch-sized number in a heap object of
 * its own, one more memory access on every get (a feed page makes about a hundred).
 */
const MAX_OFFSET_MS = 2 ** 29;

/**
 * A bounded, expiring map for the hottest lookups (a feed page makes about a hundred:
 * its posts, authors and the counters of its whole ranked window). Two generations
 * of plain Maps of up to `max` entries each: entries go into the young one; when it
 * is full it becomes the old one and the previous old one is dropped whole; a hit in
 * the old one moves the entry back to the young. An entry is therefore kept until at
 * least `max` others have been stored after its last use (every hit an LRU of `max`
 * would have, and more), and at most `2 * max` are held. A hit costs one Map lookup
 * (or a move, from the old generation) and no list to reorder: on a ranked feed page
 * lru-cache's bookkeeping was the largest single cost. Expiry is exact: `expires` is set when the
 * value is stored (spread below the TTL, see spread-expiry.ts) and checked on every get against the `now` the caller passes, so a
 * batch reads its clock once.
 */
export class GenerationalCache<V> {
  #young = new Map<Id, Entry<V>>();
  #old = new Map<Id, Entry<V>>();
  readonly #generation: number;
  readonly #ttlMs: number;
  readonly #random: () => number;
  #base: number | null = null;

  /** `random` draws where below the TTL an entry expires (spread-expiry.ts); a test passes `() => 0` for exactly the TTL. */
  constructor(options: { max: number; ttlMs: number; random?: () => number }) {
    this.#generation = Math.max(1, options.max);
    this.#ttlMs = options.ttlMs;
    this.#random = options.random ?? Math.random;
  }

  get(id: Id, now: number): V | undefined {
    const young = this.#young.get(id);
    const at = now - (this.#base ?? now);
    if (young !== undefined) {
      if (young.expires > at) return young.value;
      this.#young.delete(id);
      return undefined;
    }
    const old = this.#old.get(id);
    if (old === undefined) return undefined;
    this.#old.delete(id);
    if (old.expires <= at) return undefined;
    this.#keep(id, old);
    return old.value;
  }

  set(id: Id, value: V, now: number): void {
    // An id is in one generation at most; replacing it in the young one never fills it.
    this.#old.delete(id);
    this.#keep(id, { value, expires: this.#expiry(now) });
  }

  delete(id: Id): void {
    this.#young.delete(id);
    this.#old.delete(id);
  }

  clear(): void {
    this.#young = new Map();
    this.#old = new Map();
    this.#base = null;
  }

  /** Entries held, expired ones not yet dropped included. */
  get size(): number {
    return this.#young.size + this.#old.size;
  }

  /** The expiry of an entry stored `now`, as an offset from the base, rebasing (and so emptying) the cache every few days. */
  #expiry(now: number): number {
    if (this.#base === null || Math.abs(now - this.#base) + this.#ttlMs >= MAX_OFFSET_MS) {
      this.clear();
      this.#base = now;
    }
    return now - this.#base + spreadTtl(this.#ttlMs, this.#random);
  }

  #keep(id: Id, entry: Entry<V>): void {
    this.#young.set(id, entry);
    if (this.#young.size >= this.#generation) {
      this.#old = this.#young;
      this.#young = new Map();
    }
  }
}
