import type { Clock } from '../../platform/clock.js';
import type { Id } from '../../platform/ids.js';
import { GenerationalCache, type InlineCodec } from './generational-cache.js';
import { createWriteGuard } from './write-guard.js';

export interface IdCacheOptions {
  /** Entries kept for sure: the `max` most recently used; up to twice as many are held (see GenerationalCache). */
  max: number;
  /** How long an entry may be served. It bounds staleness when another process writes the same rows. */
  ttlMs: number;
  clock: Clock;
}

/**
 * A bounded, expiring read-through cache of records by id, for wrapping a store.
 * Misses of a batch are loaded in one call to the store. A write through the
 * wrapper forgets its ids; a load that raced with such a write is returned but
 * not kept, so a stale row never outlives the write that replaced it.
 * Cached records are shared between readers and must be treated as immutable.
 */
export function createIdCache<V extends object>(options: IdCacheOptions & { inline?: InlineCodec<V> }) {
  const cache = new GenerationalCache<V>(options);
  // One reading of the injected clock per call, for every get of its batch.
  const now = () => options.clock.now().getTime();
  const guard = createWriteGuard();
  /** Loads a batch's misses in one call and keeps them, unless a write began or ended meanwhile. */
  const loadMissing = (missing: Id[], load: (missing: Id[]) => Promise<Map<Id, V>>) =>
    guard.loading(() => load(missing), (values) => {
      const stored = now();
      for (const [id, value] of values) cache.set(id, value, stored);
    });

  return {
    async one(id: Id, load: (id: Id) => Promise<V | null>): Promise<V | null> {
      const hit = cache.get(id, now());
      if (hit) return hit;
      return guard.loading(
        () => load(id),
        (value) => {
          if (value) cache.set(id, value, now());
        },
      );
    },

    /** The records found for `ids`, in the order of `ids`, missing ones left out. */
    async many(ids: readonly Id[], load: (missing: Id[]) => Promise<V[]>, idOf: (value: V) => Id): Promise<V[]> {
      // Every feed page asks for all its posts and authors at once, nearly always all
      // in memory: that path builds the answer in one pass, with no map in between.
      const at = now();
      const hits: (V | undefined)[] = new Array(ids.length);
      let missing: Id[] | null = null;
      for (let i = 0; i < ids.length; i++) {
        const hit = cache.get(ids[i]!, at);
        hits[i] = hit;
        if (!hit) (missing ??= []).push(ids[i]!);
      }
      if (missing === null) return hits as V[];
      const loaded = await loadMissing(missing, async (batch) => {
        const byId = new Map<Id, V>();
        for (const value of await load(batch)) byId.set(idOf(value), value);
        return byId;
      });
      const found: V[] = [];
      for (let i = 0; i < ids.length; i++) {
        const value = hits[i] ?? loaded.get(ids[i]!);
        if (value) found.push(value);
      }
      return found;
    },

    /** The same by id, for values that do not carry their id: `load` answers the missing ones it found by id. */
    async byId(ids: readonly Id[], load: (missing: Id[]) => Promise<Map<Id, V>>): Promise<Map<Id, V>> {
      const at = now();
      const found = new Map<Id, V>();
      let missing: Id[] | null = null;
      for (const id of ids) {
        const hit = cache.get(id, at);
        if (hit) found.set(id, hit);
        else (missing ??= []).push(id);
      }
      if (missing === null) return found;
      for (const [id, value] of await loadMissing(missing, load)) found.set(id, value);
      return found;
    },

    /** Runs a write and forgets `id` both before it and after it settles. */
    writing: <R>(id: Id, write: () => Promise<R>): Promise<R> => guard.forgetting(write, () => cache.delete(id)),

    /** The same for a write whose reach is not known by id: everything is forgotten. */
    writingAll: <R>(write: () => Promise<R>): Promise<R> => guard.forgetting(write, () => cache.clear()),
  };
}
