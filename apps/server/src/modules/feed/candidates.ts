import { compareIds, type Id } from '../../platform/ids.js';
import type { GraphReader } from '../graph/public.js';
import type { RecentPosts, TimelineEntry, TimelineStore } from './feed.ports.js';

const newerFirst = (a: TimelineEntry, b: TimelineEntry) => compareIds(b.postId, a.postId);

/**
 * The feed skeleton: the reader's pushed timeline merged with the recent posts of
 * the celebrities they follow (pulled at read time, never pushed), newest first.
 */
export function createCandidates(deps: { timelines: TimelineStore; recent: RecentPosts; graph: GraphReader }) {
  return {
    /** The celebrities this reader follows: two small round trips. */
    async celebritiesFollowed(readerId: Id): Promise<Id[]> {
      const all = await deps.timelines.celebrities();
      if (all.length === 0) return [];
      return [...(await deps.graph.followedAmong(readerId, all))];
    },
    /** The `n` newest candidates strictly below `beforeId` (or from the top), without duplicates. */
    async below(readerId: Id, celebrities: readonly Id[], beforeId: Id | null, n: number): Promise<TimelineEntry[]> {
      const [pushed, pulled] = await Promise.all([
        deps.timelines.read(readerId, beforeId, n),
        celebrities.length ? deps.recent.recentByAuthors(celebrities, beforeId, n) : Promise.resolve([]),
      ]);
      if (pulled.length === 0) return pushed;
      const seen = new Set<Id>();
      const merged: TimelineEntry[] = [];
      for (const entry of [...pushed, ...pulled].sort(newerFirst)) {
        if (seen.has(entry.postId)) continue;
        seen.add(entry.postId);
        merged.push(entry);
      }
      return merged.slice(0, n);
    },
  };
}

export type Candidates = ReturnType<typeof createCandidates>;
