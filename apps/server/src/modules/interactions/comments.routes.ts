import { Comment, CommentPage, CreateCommentBody, CursorQuery } from '@pictor/contract';
import { Type, type Static } from '@sinclair/typebox';
import type { HttpApp } from '../../platform/http/app.js';
import { problemResponses } from '../../platform/http/responses.js';
import { requireViewer, SIGNED_IN } from '../../platform/http/session-auth.js';
import { seqAfter, seqCursor } from '../../platform/cursor.js';
import { type Id, requireId } from '../../platform/ids.js';
import type { MediaUrl } from '../../platform/media-url.js';
import type { AccountDirectory } from '../accounts/public.js';
import type { Comments } from './comments.service.js';
import { commentNotFound } from './interactions.errors.js';
import type { CommentStore } from './interactions.ports.js';
import { PostParams, pathPostId } from './interactions.routes.js';
import { commentViews } from './interactions.views.js';

const tags = ['comments'];
const CommentParams = Type.Object({ postId: Type.String({ maxLength: 40 }), commentId: Type.String({ maxLength: 40 }) });
type CommentParams = Static<typeof CommentParams>;
type Query = Static<typeof CursorQuery>;

const pathCommentId = (raw: string): Id => requireId(raw, commentNotFound);

export function registerCommentRoutes(app: HttpApp, deps: { comments: Comments; store: CommentStore; accounts: AccountDirectory; mediaUrl: MediaUrl }) {
  const { comments } = deps;
  const view = async (viewerId: Id | null, list: Parameters<typeof commentViews>[1]) => commentViews(viewerId, list, { accounts: deps.accounts, comments: deps.store, mediaUrl: deps.mediaUrl });

  app.post<{ Params: PostParams; Body: Static<typeof CreateCommentBody> }>('/api/v1/posts/:postId/comments', {
    schema: { security: SIGNED_IN, tags, summary: 'Comment on a post, or reply to a comment with replyTo (seed 001: text, mentionedUsers)', params: PostParams, body: CreateCommentBody, response: { 201: Comment, ...problemResponses(400, 401, 403, 404, 422) } },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const comment = await comments.add(viewer.userId, pathPostId(request.params.postId), request.body);
    reply.code(201);
    return (await view(viewer.userId, [comment]))[0];
  });

  app.get<{ Params: PostParams; Querystring: Query }>('/api/v1/posts/:postId/comments', {
    schema: { tags, summary: 'Top-level comments, oldest first', params: PostParams, querystring: CursorQuery, response: { 200: CommentPage, ...problemResponses(400, 404) } },
  }, async (request) => {
    const viewerId = request.viewer?.userId ?? null;
    const page = await comments.list(viewerId, pathPostId(request.params.postId), null, seqAfter(request.query.cursor), request.query.limit ?? 20);
    return { items: await view(viewerId, page.comments), nextCursor: seqCursor(page.next) };
  });

  app.get<{ Params: CommentParams; Querystring: Query }>('/api/v1/posts/:postId/comments/:commentId/replies', {
    schema: { tags, summary: 'Replies in one thread, oldest first', params: CommentParams, querystring: CursorQuery, response: { 200: CommentPage, ...problemResponses(400, 404) } },
  }, async (request) => {
    const viewerId = request.viewer?.userId ?? null;
    const { postId, commentId } = request.params;
    const page = await comments.list(viewerId, pathPostId(postId), pathCommentId(commentId), seqAfter(request.query.cursor), request.query.limit ?? 20);
    return { items: await view(viewerId, page.comments), nextCursor: seqCursor(page.next) };
  });

  app.delete<{ Params: CommentParams }>('/api/v1/posts/:postId/comments/:commentId', {
    schema: { security: SIGNED_IN, tags, summary: 'Delete your comment, or any comment on your post (its replies go with it)', params: CommentParams, response: { 204: {}, ...problemResponses(401, 403, 404) } },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    await comments.remove(viewer.userId, pathPostId(request.params.postId), pathCommentId(request.params.commentId));
    return reply.code(204).send();
  });

  for (const on of [true, false]) {
    app[on ? 'post' : 'delete']<{ Params: CommentParams }>('/api/v1/posts/:postId/comments/:commentId/like', {
      schema: { security: SIGNED_IN, tags, summary: on ? 'Like a comment' : 'Take back a comment like', params: CommentParams, response: { 200: Comment, ...problemResponses(401, 404) } },
    }, async (request) => {
      const viewer = requireViewer(request);
      const comment = await comments.like(viewer.userId, pathPostId(request.params.postId), pathCommentId(request.params.commentId), on);
      return (await view(viewer.userId, [comment]))[0];
    });
  }
}
