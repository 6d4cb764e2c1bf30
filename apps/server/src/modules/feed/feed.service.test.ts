import { describe, expect, it } from 'vitest';
import type { Candidates } from './candidates.js';
import type { FeedItem, FeedItems } from './feed-items.js';
import type { TimelineEntry } from './feed.ports.js';
import { createFeedReading } from './feed.service.js';

/** A window of `total` posts, ranked newest first, of which `gone` were deleted since they were pushed. */
function reading(total: number, gone: ReadonlySet<string>) {
  const entries: TimelineEntry[] = Array.from({ length: total }, (_, i) => ({ postId: String(1000 + total - i), authorId: '7' }));
  let loads = 0;
  const candidates = {
    celebritiesFollowed: async () => [],
    below: async (_reader: string, _celebrities: readonly string[], beforeId: string | null, n: number) =>
      entries.filter((e) => beforeId === null || BigInt(e.postId) < BigInt(beforeId)).slice(0, n),
  } as unknown as Candidates;
  const items = {
    rank: async (_viewer: string, shown: readonly TimelineEntry[]) => ({ order: [...shown], counters: new Map() }),
    load: async (_viewer: string, batch: readonly TimelineEntry[]) => {
      loads++;
      return new Map(batch.filter((e) => !gone.has(e.postId)).map((e) => [e.postId, { postId: e.postId } as FeedItem]));
    },
  } as unknown as FeedItems;
  const feed = createFeedReading({ candidates, items });
  return { feed, entries, loads: () => loads };
}

describe('ranked reading', () => {
  it('when many ranked posts are gone before loading, then the page loads once, or twice when any is gone, and skips only them', async () => {
    for (const goneCount of [0, 3, 10, 30]) {
      const gone = new Set(Array.from({ length: goneCount }, (_, i) => String(1000 + 40 - 2 * i)));
      const r = reading(40, gone);
      const page = await r.feed.page('1', null, 'ranked', 5);
      expect(page.items.map((i) => i.postId)).toEqual(r.entries.map((e) => e.postId).filter((id) => !gone.has(id)).slice(0, 5));
      expect(r.loads(), `${goneCount} gone`).toBe(goneCount > 0 ? 2 : 1);
    }
  });

  it('when a page is served from a window, then the next page goes on where it stopped, with no repeat and no skip', async () => {
    const gone = new Set(['1039', '1037', '1036', '1030']);
    const r = reading(40, gone);
    const seen: string[] = [];
    let position = null;
    for (let page = 0; page < 20; page++) {
      const result = await r.feed.page('1', position, 'ranked', 3);
      seen.push(...result.items.map((i) => i.postId));
      if (!result.next) break;
      position = result.next;
    }
    expect(seen).toEqual(r.entries.map((e) => e.postId).filter((id) => !gone.has(id)));
  });
});
