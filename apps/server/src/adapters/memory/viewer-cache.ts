import { LRUCache } from 'lru-cache';
import type { Clock } from '../../platform/clock.js';
import type { Id } from '../../platform/ids.js';
import { spreadTtl } from './spread-expiry.js';
import { createWriteGuard } from './write-guard.js';

export interface ViewerCacheOptions {
  /** Viewers kept; the least recently used go first. */
  viewers: number;
  /** How long a viewer's values may be served, counted from the first one loaded. */
  ttlMs: number;
  clock: Clock;
}

/**
 * What one viewer's questions about other accounts answered (relations, affinity),
 * kept per viewer and filled in batches: a feed page asks about a dozen authors, most
 * of them asked on the viewer's previous page too. A write through the wrapper forgets
 * the viewers it touches, before and after it runs, and a load that raced any write is
 * returned but not kept, so this process reads its own writes at once.
 */
export function createViewerCache<V>(options: ViewerCacheOptions) {
  // Ages come from the injected clock alone, never from a real timer (ttlResolution 0),
  // read once per call rather than on each of lru-cache's gets.
  let nowMs = 0;
  const byViewer = new LRUCache<Id, Map<Id, V>>({ max: options.viewers, ttl: options.ttlMs, ttlResolution: 0, perf: { now: () => nowMs } });
  const guard = createWriteGuard();

  /**
   * Hands `visit` a value for each of `otherIds`, those in memory first; `load` gets the rest
   * and must answer each. A feed page asks three of these caches about a dozen to sixty ids,
   * and most callers fold the answers into sets at once: no map is built in between.
   */
  async function each(viewerId: Id, otherIds: readonly Id[], load: (missing: Id[]) => Promise<Map<Id, V>>, visit: (id: Id, value: V) => void): Promise<void> {
    nowMs = options.clock.now().getTime();
    const known = byViewer.get(viewerId);
    let missing: Id[] | null = null;
    for (const id of otherIds) {
      const value = known?.get(id);
      if (value === undefined) (missing ??= []).push(id);
      else visit(id, value);
    }
    if (missing === null) return;
    const keep = (loaded: Map<Id, V>) => {
      const kept = byViewer.get(viewerId);
      if (kept === undefined) byViewer.set(viewerId, new Map(loaded), { ttl: spreadTtl(options.ttlMs) });
      else for (const [id, value] of loaded) kept.set(id, value);
    };
    const asked = missing;
    for (const [id, value] of await guard.loading(() => load(asked), keep)) visit(id, value);
  }

  return {
    each,

    /** A value for each of `otherIds`; `load` gets the ones not in memory and must answer each. */
    async among(viewerId: Id, otherIds: readonly Id[], load: (missing: Id[]) => Promise<Map<Id, V>>): Promise<Map<Id, V>> {
      const found = new Map<Id, V>();
      await each(viewerId, otherIds, load, (id, value) => found.set(id, value));
      return found;
    },

    /**
     * Runs a write and forgets `viewerIds` both before it and after it settles; `all` for a
     * write whose reach is not known (an account removed).
     */
    writing<R>(viewerIds: readonly Id[] | 'all', write: () => Promise<R>): Promise<R> {
      return guard.forgetting(write, () => {
        if (viewerIds === 'all') byViewer.clear();
        else for (const id of viewerIds) byViewer.delete(id);
      });
    },

    /** The same for a write that changes every viewer's answer about `otherId` (a post deleted), and nothing else. */
    writingAbout<R>(otherId: Id, write: () => Promise<R>): Promise<R> {
      return guard.forgetting(write, () => {
        for (const answers of byViewer.values()) answers.delete(otherId);
      });
    },
  };
}

export type ViewerCache<V> = ReturnType<typeof createViewerCache<V>>;
