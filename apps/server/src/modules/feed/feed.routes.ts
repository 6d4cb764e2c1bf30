import { FeedPage, FeedQuery } from '@pictor/contract';
import type { Static } from '@sinclair/typebox';
import type { HttpApp } from '../../platform/http/app.js';
import { JSON_BODY } from '../../platform/http/open-object-json.js';
import { problemResponses } from '../../platform/http/responses.js';
import { requireViewer, SIGNED_IN } from '../../platform/http/session-auth.js';
import { decodeFeedCursor, encodeFeedCursor } from './feed-cursor.js';
import type { ViewerState } from '../interactions/public.js';
import type { FeedItem, FeedItems } from './feed-items.js';
import type { createFeedReading } from './feed.service.js';
import type { FeedPageJson } from './feed.views.js';
import type { TimelineUpkeep } from './timeline-upkeep.js';

const tags = ['feed'];

export function registerFeedRoutes(app: HttpApp, deps: {
  reading: ReturnType<typeof createFeedReading>; items: FeedItems; upkeep: TimelineUpkeep; pageJson: FeedPageJson;
}) {
  app.get<{ Querystring: Static<typeof FeedQuery> }>('/api/v1/feed', {
    schema: {
      security: SIGNED_IN,
      tags, summary: 'Your home feed: accounts you follow and your own posts, ranked or newest first (seed 001)',
      querystring: FeedQuery, response: { 200: FeedPage, ...problemResponses(400, 401) },
    },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const { limit = 20, mode = 'ranked', cursor } = request.query;
    const position = decodeFeedCursor(cursor, mode);
    if (position === null) await deps.upkeep.ensureFresh(viewer.userId);
    const page = await deps.reading.page(viewer.userId, position, mode, limit);
    const state = await deps.items.viewerState(viewer.userId, page.items);
    // Rendered by feed.views.ts to the FeedPage schema above, which documents it.
    return reply.type(JSON_BODY).send(deps.pageJson(page.items, state, page.next ? encodeFeedCursor(page.next) : null));
  });
}

/**
 * For benchmarks only (compose registers them when PICTOR_BENCH_ROUTES is set): a
 * page of the same shape as the feed, built once from the first caller's feed, then
 * answered without touching storage beyond the session check every signed-in route makes;
 * the ceilings the real feed is measured against.
 * `fixed-feed` renders it on every request the way the feed does. `fixed-feed-serialized`
 * hands the same page as objects to Fastify's schema serializer, as any other route
 * answers: the reference before the feed rendered its own body.
 */
export function registerFixedFeedRoutes(
  app: HttpApp, pageJson: FeedPageJson, page: (viewerId: string) => Promise<{ items: FeedItem[]; state: ViewerState }>,
) {
  let fixed: Promise<{ items: FeedItem[]; state: ViewerState }> | null = null;
  // Built once from the first caller; a failed build is not kept, so the next caller tries again.
  const fixedPage = (viewerId: string) => (fixed ??= page(viewerId).catch((error: unknown) => {
    fixed = null;
    throw error;
  }));
  const schema = { security: SIGNED_IN, hide: true, response: { 200: FeedPage } };
  app.get('/api/v1/bench/fixed-feed', { schema }, async (request, reply) => {
    const { items, state } = await fixedPage(requireViewer(request).userId);
    return reply.type(JSON_BODY).send(pageJson(items, state, 'fixed'));
  });
  let objects: unknown = null;
  app.get('/api/v1/bench/fixed-feed-serialized', { schema }, async (request) => {
    const { items, state } = await fixedPage(requireViewer(request).userId);
    objects ??= JSON.parse(pageJson(items, state, 'fixed'));
    return objects;
  });
}
