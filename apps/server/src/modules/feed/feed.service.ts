import { compareIds, type Id } from '../../platform/ids.js';
import type { Candidates } from './candidates.js';
import { type FeedPosition, postHash } from './feed-cursor.js';
import type { FeedItem, FeedItems } from './feed-items.js';
import type { TimelineEntry } from './feed.ports.js';

/** How many consecutive candidates one ranked window holds (served over several pages). */
const RANKED_WINDOW = 60;
const MAX_ROUNDS = 4;
/** Following mode's entries read beyond what a page still needs, so a few the rules or loading drop cost no extra round. */
const SPARE = 4;

export interface FeedPageResult {
  items: FeedItem[];
  next: FeedPosition | null;
}

/**
 * Reading the home feed. Following mode walks candidates newest first; ranked
 * mode ranks one window of candidates at a time (see feed-cursor.ts for why
 * that can never repeat or skip). Entries the rules drop are stepped over; a
 * page is topped up from further down, a bounded number of rounds.
 */
export function createFeedReading(deps: { candidates: Candidates; items: FeedItems }) {
  const { candidates, items } = deps;

  async function following(viewerId: Id, before: Id | null, limit: number): Promise<FeedPageResult> {
    const celebrities = await candidates.celebritiesFollowed(viewerId);
    const out: FeedItem[] = [];
    let position = before;
    for (let round = 0; round < MAX_ROUNDS && out.length < limit; round++) {
      const want = limit - out.length + SPARE;
      const entries = await candidates.below(viewerId, celebrities, position, want);
      const visible = await items.hydrate(viewerId, entries);
      for (const entry of entries) {
        if (out.length === limit) return { items: out, next: { mode: 'following', before: position } };
        position = entry.postId;
        const item = visible.get(entry.postId);
        if (item) out.push(item);
      }
      if (entries.length < want) return { items: out, next: null };
    }
    return { items: out, next: { mode: 'following', before: position } };
  }

  async function ranked(viewerId: Id, start: Extract<FeedPosition, { mode: 'ranked' }> | null, limit: number): Promise<FeedPageResult> {
    const celebrities = await candidates.celebritiesFollowed(viewerId);
    let { upper, lower, served } = start ?? { upper: null, lower: null, served: new Set<number>() };
    const out: FeedItem[] = [];
    for (let round = 0; round < MAX_ROUNDS && out.length < limit; round++) {
      let members: TimelineEntry[];
      let moreBelow: boolean;
      if (lower === null) {
        const raw = await candidates.below(viewerId, celebrities, upper, RANKED_WINDOW + 1);
        if (raw.length === 0) return { items: out, next: null };
        members = raw.slice(0, RANKED_WINDOW);
        // Pin the window's top so posts published while scrolling wait for the next refresh.
        upper = (BigInt(members[0]!.postId) + 1n).toString();
        lower = members[members.length - 1]!.postId;
        served = new Set();
        moreBelow = raw.length > RANKED_WINDOW;
      } else {
        const floor = lower;
        const raw = await candidates.below(viewerId, celebrities, upper, RANKED_WINDOW * 2);
        members = raw.filter((e) => compareIds(e.postId, floor) >= 0);
        moreBelow = raw.length > members.length || raw.length === RANKED_WINDOW * 2;
      }
      const unserved = served.size === 0 ? members : members.filter((e) => !served.has(postHash(e.postId)));
      const { order, counters } = await items.rank(viewerId, unserved);
      // Just the page: ranking kept only entries the rules allow, and loading drops only posts
      // deleted or archived since they were pushed, which leave timelines when that happens.
      // Should it drop one, the rest of the window at once: two loads at most, never one per post.
      let want = limit - out.length;
      let taken = 0;
      while (out.length < limit && taken < order.length) {
        const batch = order.slice(taken, taken + want);
        want = order.length;
        const loaded = await items.load(viewerId, batch, counters);
        for (const entry of batch) {
          if (out.length === limit) break;
          taken++;
          served.add(postHash(entry.postId));
          const item = loaded.get(entry.postId);
          if (item) out.push(item);
        }
      }
      if (taken < order.length) return { items: out, next: { mode: 'ranked', upper, lower, served } };
      if (!moreBelow) return { items: out, next: null };
      upper = lower;
      lower = null;
      served = new Set();
    }
    return { items: out, next: { mode: 'ranked', upper, lower, served } };
  }

  return {
    async page(viewerId: Id, position: FeedPosition | null, mode: FeedPosition['mode'], limit: number): Promise<FeedPageResult> {
      if (mode === 'following') return following(viewerId, position?.mode === 'following' ? position.before : null, limit);
      return ranked(viewerId, position?.mode === 'ranked' ? position : null, limit);
    },
  };
}
