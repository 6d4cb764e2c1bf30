import { Album, AlbumBody, AlbumPage, AlbumWithPosts, CursorQuery } from '@pictor/contract';
import { Type, type Static } from '@sinclair/typebox';
import type { HttpApp } from '../../platform/http/app.js';
import { problemResponses } from '../../platform/http/responses.js';
import { requireViewer, SIGNED_IN } from '../../platform/http/session-auth.js';
import { seqAfter, seqCursor } from '../../platform/cursor.js';
import { type Id, requireId } from '../../platform/ids.js';
import type { MediaUrl } from '../../platform/media-url.js';
import type { AccountDirectory, User } from '../accounts/public.js';
import type { Albums } from './albums.service.js';
import type { PostAccess } from './post-access.service.js';
import { albumNotFound } from './posts.errors.js';
import type { Album as AlbumModel } from './posts.types.js';
import { postId } from './posts.routes.js';
import { albumView, postView } from './posts.views.js';

export interface AlbumRoutesDeps {
  albums: Albums;
  access: PostAccess;
  accounts: AccountDirectory;
  mediaUrl: MediaUrl;
}

const tags = ['albums'];
const AlbumParams = Type.Object({ albumId: Type.String({ maxLength: 40 }) });
const AlbumPostParams = Type.Object({ albumId: Type.String({ maxLength: 40 }), postId: Type.String({ maxLength: 40 }) });
type AlbumParams = Static<typeof AlbumParams>;
type AlbumPostParams = Static<typeof AlbumPostParams>;
type CursorQ = Static<typeof CursorQuery>;

const albumId = (raw: string): Id => requireId(raw, albumNotFound);

export function registerAlbumRoutes(app: HttpApp, deps: AlbumRoutesDeps) {
  const { albums } = deps;
  /** Album views with their covers, loaded in one batch for the whole list. */
  async function present(list: readonly AlbumModel[], owner: User) {
    const covers = await albums.covers(list);
    return list.map((album) => albumView(album, owner, (album.coverPostId && covers.get(album.coverPostId)) || null, deps.mediaUrl));
  }
  const presentOne = async (album: AlbumModel, owner: User) => (await present([album], owner))[0]!;
  async function presentOwn(viewerId: Id, album: AlbumModel) {
    const owner = await deps.accounts.findById(viewerId);
    if (!owner) throw albumNotFound();
    return presentOne(album, owner);
  }

  app.post<{ Body: AlbumBody }>('/api/v1/albums', {
    schema: { security: SIGNED_IN, tags, summary: 'Create an album', body: AlbumBody, response: { 201: Album, ...problemResponses(400, 401) } },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    reply.code(201);
    return presentOwn(viewer.userId, await albums.create(viewer.userId, request.body.name));
  });

  app.get<{ Params: AlbumParams; Querystring: CursorQ }>('/api/v1/albums/:albumId', {
    schema: { tags, summary: 'An album and its posts, most recently added first', params: AlbumParams, querystring: CursorQuery, response: { 200: AlbumWithPosts, ...problemResponses(400, 404) } },
  }, async (request) => {
    const viewerId = request.viewer?.userId ?? null;
    const { album, owner, page } = await albums.open(viewerId, albumId(request.params.albumId), seqAfter(request.query.cursor), request.query.limit ?? 20);
    // An album holds only its owner's posts, and opening it checked the viewer may see them.
    const items = await deps.access.ofOwner(viewerId, owner, page.ids);
    return {
      album: await presentOne(album, owner),
      posts: { items: items.map(({ post, author }) => postView(post, author, deps.mediaUrl)), nextCursor: seqCursor(page.next) },
    };
  });

  app.patch<{ Params: AlbumParams; Body: AlbumBody }>('/api/v1/albums/:albumId', {
    schema: { security: SIGNED_IN, tags, summary: 'Rename an album', params: AlbumParams, body: AlbumBody, response: { 200: Album, ...problemResponses(400, 401, 403, 404) } },
  }, async (request) => {
    const viewer = requireViewer(request);
    return presentOwn(viewer.userId, await albums.rename(viewer.userId, albumId(request.params.albumId), request.body.name));
  });

  app.delete<{ Params: AlbumParams }>('/api/v1/albums/:albumId', {
    schema: { security: SIGNED_IN, tags, summary: 'Delete an album (its posts stay)', params: AlbumParams, response: { 204: {}, ...problemResponses(401, 403, 404) } },
  }, async (request, reply) => {
    await albums.remove(requireViewer(request).userId, albumId(request.params.albumId));
    return reply.code(204).send();
  });

  for (const add of [true, false]) {
    app[add ? 'put' : 'delete']<{ Params: AlbumPostParams }>('/api/v1/albums/:albumId/posts/:postId', {
      schema: { security: SIGNED_IN, tags, summary: add ? 'Add one of your posts to the album' : 'Take a post out of the album', params: AlbumPostParams, response: { 200: Album, ...problemResponses(401, 403, 404) } },
    }, async (request) => {
      const viewer = requireViewer(request);
      const act = add ? albums.addPost : albums.removePost;
      return presentOwn(viewer.userId, await act(viewer.userId, albumId(request.params.albumId), postId(request.params.postId)));
    });
  }

  app.get<{ Params: { userId: string }; Querystring: CursorQ }>('/api/v1/users/:userId/albums', {
    schema: { tags, summary: "A user's albums, newest first", params: Type.Object({ userId: Type.String({ maxLength: 40 }) }), querystring: CursorQuery, response: { 200: AlbumPage, ...problemResponses(400, 404) } },
  }, async (request) => {
    const page = await albums.listOf(request.viewer?.userId ?? null, request.params.userId, seqAfter(request.query.cursor), request.query.limit ?? 20);
    return { items: await present(page.albums, page.owner), nextCursor: seqCursor(page.next) };
  });
}
