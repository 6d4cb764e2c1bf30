import { CursorQuery, LikeResult, LikerPage, SavedPage, SaveResult, ShareLink } from '@pictor/contract';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { seqAfter, seqCursor } from '../../platform/cursor.js';
import type { HttpApp } from '../../platform/http/app.js';
import { problemResponses } from '../../platform/http/responses.js';
import { requireViewer, SIGNED_IN } from '../../platform/http/session-auth.js';
import { type Id, requireId } from '../../platform/ids.js';
import type { MediaUrl } from '../../platform/media-url.js';
import { type AccountDirectory, userSummaries } from '../accounts/public.js';
import type { GraphReader } from '../graph/public.js';
import type { EngagedViews } from '../posts/public.js';
import { postNotFound } from './interactions.errors.js';
import type { Likes } from './likes.service.js';
import type { PostGate } from './post-gate.js';
import type { createSaves } from './saves.service.js';

export interface InteractionRoutesDeps {
  likes: Likes;
  saves: ReturnType<typeof createSaves>;
  gate: PostGate;
  presentEngaged: EngagedViews;
  accounts: AccountDirectory;
  graph: GraphReader;
  mediaUrl: MediaUrl;
  publicUrl: string | undefined;
}

const tags = ['interactions'];
export const PostParams = Type.Object({ postId: Type.String({ maxLength: 40 }) });
export type PostParams = Static<typeof PostParams>;
type Paged = { Params: PostParams; Querystring: Static<typeof CursorQuery> };

export const pathPostId = (raw: string): Id => requireId(raw, postNotFound);

export function registerInteractionRoutes(app: HttpApp, deps: InteractionRoutesDeps) {
  const { likes, saves } = deps;
  /** POST sets, DELETE clears: the viewer's like or save of a post. */
  function toggle(noun: 'like' | 'save', result: TSchema, summaries: { on: string; off: string }, act: (on: boolean, viewerId: Id, postId: Id) => Promise<unknown>) {
    for (const on of [true, false]) {
      app[on ? 'post' : 'delete']<{ Params: PostParams }>(`/api/v1/posts/:postId/${noun}`, {
        schema: { security: SIGNED_IN, tags, summary: on ? summaries.on : summaries.off, params: PostParams, response: { 200: result, ...problemResponses(401, 404) } },
      }, async (request) => act(on, requireViewer(request).userId, pathPostId(request.params.postId)));
    }
  }
  toggle('like', LikeResult, { on: 'Like a post (liking twice counts once)', off: 'Take back a like' },
    (on, viewerId, postId) => (on ? likes.like(viewerId, postId) : likes.unlike(viewerId, postId)));
  toggle('save', SaveResult, { on: 'Save a post to your private saved list', off: 'Remove a post from your saved list' },
    (on, viewerId, postId) => (on ? saves.save(viewerId, postId) : saves.unsave(viewerId, postId)));

  app.get<Paged>('/api/v1/posts/:postId/likes', {
    schema: { tags, summary: 'Who liked the post, most recent first', params: PostParams, querystring: CursorQuery, response: { 200: LikerPage, ...problemResponses(400, 404) } },
  }, async (request) => {
    const viewerId = request.viewer?.userId ?? null;
    const { cursor, limit = 20 } = request.query;
    const page = await likes.likers(viewerId, pathPostId(request.params.postId), seqAfter(cursor), limit);
    const hidden = viewerId ? await deps.graph.blockedAmong(viewerId, page.ids) : new Set<Id>();
    const items = await userSummaries(page.ids.filter((id) => !hidden.has(id)), deps.accounts, deps.mediaUrl);
    return { items, nextCursor: seqCursor(page.next) };
  });

  app.get<{ Querystring: Static<typeof CursorQuery> }>('/api/v1/me/saved', {
    schema: { security: SIGNED_IN, tags, summary: 'Your saved posts, most recently saved first', querystring: CursorQuery, response: { 200: SavedPage, ...problemResponses(400, 401) } },
  }, async (request) => {
    const viewer = requireViewer(request);
    const { cursor, limit = 20 } = request.query;
    const { shown, next } = await saves.list(viewer.userId, seqAfter(cursor), limit);
    return { items: await deps.presentEngaged(viewer.userId, shown), nextCursor: seqCursor(next) };
  });

  app.get<{ Params: PostParams }>('/api/v1/posts/:postId/share', {
    schema: { tags, summary: 'A link to the post for sharing; it opens only for people who may see the post', params: PostParams, response: { 200: ShareLink, ...problemResponses(404) } },
  }, async (request) => {
    const postId = pathPostId(request.params.postId);
    await deps.gate.open(request.viewer?.userId ?? null, postId);
    const base = deps.publicUrl ?? `${request.protocol}://${request.host}`;
    return { postId, url: `${base}/p/${postId}` };
  });
}
