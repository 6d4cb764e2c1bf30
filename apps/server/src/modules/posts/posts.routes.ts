import { CreatePostResponse, CursorQuery, Post, PostPage, PostWithEngagement, UpdatePostBody } from '@pictor/contract';
import { Type, type Static } from '@sinclair/typebox';
import { seqAfter } from '../../platform/cursor.js';
import { badRequest } from '../../platform/errors.js';
import type { HttpApp } from '../../platform/http/app.js';
import { problemResponses } from '../../platform/http/responses.js';
import { requireViewer, SIGNED_IN } from '../../platform/http/session-auth.js';
import { type Id, requireId } from '../../platform/ids.js';
import type { MediaUrl } from '../../platform/media-url.js';
import type { AccountDirectory } from '../accounts/public.js';
import type { PhotoPipeline } from '../media/public.js';
import type { EngagedViews } from './engaged-views.js';
import type { PostAccess } from './post-access.service.js';
import { readPostUpload } from './post-upload.js';
import { postNotFound } from './posts.errors.js';
import type { Post as PostModel } from './posts.types.js';
import { postView } from './posts.views.js';
import type { createPublishing } from './publish.service.js';
import type { createProfilePosts } from './profile-posts.js';

export interface PostRoutesDeps {
  publish: ReturnType<typeof createPublishing>;
  access: PostAccess;
  profilePosts: ReturnType<typeof createProfilePosts>;
  photos: PhotoPipeline;
  accounts: AccountDirectory;
  mediaUrl: MediaUrl;
  present: EngagedViews;
}

const tags = ['posts'];
const PostParams = Type.Object({ postId: Type.String({ maxLength: 40 }) });
type PostParams = Static<typeof PostParams>;
const UserParams = Type.Object({ userId: Type.String({ maxLength: 40 }) });
type Paged<P> = { Params: P; Querystring: Static<typeof CursorQuery> };

export const postId = (raw: string): Id => requireId(raw, postNotFound);

export function registerPostRoutes(app: HttpApp, deps: PostRoutesDeps) {
  const { access } = deps;
  async function ownAuthor(viewerId: Id) {
    const author = await deps.accounts.findById(viewerId);
    if (!author) throw postNotFound();
    return author;
  }
  /** The viewer's own post, as the publish and archive routes answer it. */
  const ownView = async (viewerId: Id, post: PostModel) => postView(post, await ownAuthor(viewerId), deps.mediaUrl);

  app.post('/api/v1/posts', {
    schema: {
      security: SIGNED_IN,
      tags, summary: 'Publish 1 to 10 photos (multipart: images, caption, crop, filter, alt, location, tags)', consumes: ['multipart/form-data'],
      response: { 200: CreatePostResponse, 201: CreatePostResponse, ...problemResponses(400, 401, 406, 409, 413, 415, 422) },
    },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const key = request.headers['idempotency-key'];
    if (key !== undefined && (typeof key !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(key))) {
      throw badRequest('invalid_idempotency_key', 'Idempotency-Key must be 1 to 200 visible ASCII characters.');
    }
    const upload = await readPostUpload(request);
    const result = await deps.publish({ ...upload, ownerId: viewer.userId, idempotencyKey: key ?? null }, request.log);
    const post = await ownView(viewer.userId, result.post);
    reply.code(result.created ? 201 : 200);
    return { postId: post.id, imageUrls: post.imageUrls, post, duplicates: result.duplicates };
  });

  app.get<{ Params: PostParams }>('/api/v1/posts/:postId', {
    schema: { tags, summary: 'One post with its photos, counts and the viewer\'s like and save', params: PostParams, response: { 200: PostWithEngagement, ...problemResponses(404) } },
  }, async (request) => {
    const viewerId = request.viewer?.userId ?? null;
    const found = await access.read(viewerId, postId(request.params.postId));
    const [view] = await deps.present(viewerId, [found]);
    return view;
  });

  app.patch<{ Params: PostParams; Body: UpdatePostBody }>('/api/v1/posts/:postId', {
    schema: {
      security: SIGNED_IN, tags, summary: 'Edit the caption, alt texts, location, comments switch or like-count display',
      description: 'Only the fields sent change. `location` takes a place as publishing does (the same checks, the same problems: 400 `validation_failed` naming `location.name`, `location.lat` or `location.lon`); `null` removes it. '
        + 'Answers the edited post as GET /api/v1/posts/{postId} answers it to its owner: counts (the like count too, even when hidden from others) and the owner\'s own like and save.',
      params: PostParams, body: UpdatePostBody, response: { 200: PostWithEngagement, ...problemResponses(400, 401, 403, 404, 422) },
    },
  }, async (request) => {
    const viewer = requireViewer(request);
    const edited = await access.edit(viewer.userId, postId(request.params.postId), request.body);
    // The read route's presenter, so the editor's page can take the answer as it is.
    const [view] = await deps.present(viewer.userId, [{ post: edited, author: await ownAuthor(viewer.userId) }]);
    return view;
  });

  app.delete<{ Params: PostParams }>('/api/v1/posts/:postId', {
    schema: { security: SIGNED_IN, tags, summary: 'Delete a post and its files', params: PostParams, response: { 204: {}, ...problemResponses(401, 403, 404) } },
  }, async (request, reply) => {
    await access.remove(requireViewer(request).userId, postId(request.params.postId));
    return reply.code(204).send();
  });

  for (const archived of [true, false]) {
    app[archived ? 'post' : 'delete']<{ Params: PostParams }>('/api/v1/posts/:postId/archive', {
      schema: { security: SIGNED_IN, tags, summary: archived ? 'Archive: hidden from everyone but you' : 'Unarchive: back on the profile', params: PostParams, response: { 200: Post, ...problemResponses(401, 403, 404) } },
    }, async (request) => {
      const viewer = requireViewer(request);
      return ownView(viewer.userId, await access.setArchived(viewer.userId, postId(request.params.postId), archived));
    });
  }

  app.get<{ Params: PostParams & { index: number } }>('/api/v1/posts/:postId/photos/:index/original', {
    schema: { security: SIGNED_IN, tags, summary: 'The original upload of one photo, metadata intact: only for its owner', params: Type.Object({ postId: Type.String({ maxLength: 40 }), index: Type.Integer({ minimum: 0, maximum: 9 }) }), response: { ...problemResponses(401, 403, 404) } },
  }, async (request, reply) => {
    const key = await access.original(requireViewer(request).userId, postId(request.params.postId), request.params.index);
    const original = await deps.photos.openOriginal(key);
    if (!original) throw postNotFound();
    reply.header('Cache-Control', 'private, no-store').header('X-Content-Type-Options', 'nosniff')
      .header('Content-Disposition', 'attachment').header('Content-Length', original.size).type('application/octet-stream');
    return reply.send(original.stream);
  });

  app.get<Paged<Static<typeof UserParams>>>('/api/v1/users/:userId/posts', {
    schema: { tags, summary: "A profile's posts, newest first (seed 002 get_profile_feed)", params: UserParams, querystring: CursorQuery, response: { 200: PostPage, ...problemResponses(400, 403, 404) } },
  }, async (request) => {
    const { cursor, limit = 20 } = request.query;
    return deps.profilePosts.page(request.viewer?.userId ?? null, request.params.userId, false, seqAfter(cursor), limit);
  });

  app.get<{ Querystring: Static<typeof CursorQuery> }>('/api/v1/me/archive', {
    schema: { security: SIGNED_IN, tags, summary: 'Your archived posts, newest first', querystring: CursorQuery, response: { 200: PostPage, ...problemResponses(400, 401) } },
  }, async (request) => {
    const viewer = requireViewer(request);
    const { cursor, limit = 20 } = request.query;
    return deps.profilePosts.page(viewer.userId, viewer.userId, true, seqAfter(cursor), limit);
  });
}
