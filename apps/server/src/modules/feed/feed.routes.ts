import { FeedPage, FeedQuery, type PostWithEngagement } from '@pictor/contract';
import type { Static } from '@sinclair/typebox';
import type { HttpApp } from '../../platform/http/app.js';
import { problemResponses } from '../../platform/http/responses.js';
import { requireViewer, SIGNED_IN } from '../../platform/http/session-auth.js';
import { decodeFeedCursor, encodeFeedCursor } from './feed-cursor.js';
import type { FeedItems } from './feed-items.js';
import type { createFeedReading } from './feed.service.js';
import type { TimelineUpkeep } from './timeline-upkeep.js';

const tags = ['feed'];

export function registerFeedRoutes(app: HttpApp, deps: { reading: ReturnType<typeof createFeedReading>; items: FeedItems; upkeep: TimelineUpkeep }) {
  app.get<{ Querystring: Static<typeof FeedQuery> }>('/api/v1/feed', {
    schema: {
      security: SIGNED_IN,
      tags, summary: 'Your home feed: accounts you follow and your own posts, ranked or newest first (seed 001)',
      querystring: FeedQuery, response: { 200: FeedPage, ...problemResponses(400, 401) },
    },
  }, async (request) => {
    const viewer = requireViewer(request);
    const { limit = 20, mode = 'ranked', cursor } = request.query;
    const position = decodeFeedCursor(cursor, mode);
    if (position === null) await deps.upkeep.ensureFresh(viewer.userId);
    const page = await deps.reading.page(viewer.userId, position, mode, limit);
    return { posts: await deps.items.present(viewer.userId, page.items), nextCursor: page.next ? encodeFeedCursor(page.next) : null };
  });
}

/**
 * For benchmarks only (compose registers it when PICTOR_BENCH_ROUTES is set): a
 * page of the same shape as the feed, built once from the first caller's feed,
 * then served without touching storage — the ceiling the real feed is measured against.
 */
export function registerFixedFeedRoute(app: HttpApp, page: (viewerId: string) => Promise<PostWithEngagement[]>) {
  let fixed: PostWithEngagement[] | null = null;
  app.get('/api/v1/bench/fixed-feed', {
    schema: { security: SIGNED_IN, hide: true, response: { 200: FeedPage } },
  }, async (request) => {
    const viewer = requireViewer(request);
    fixed ??= await page(viewer.userId);
    return { posts: fixed, nextCursor: 'fixed' };
  });
}
