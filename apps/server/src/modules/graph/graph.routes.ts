import { CursorQuery, FollowResult, Profile, Relationship, UserPage } from '@pictor/contract';
import { Type, type Static } from '@sinclair/typebox';
import { seqAfter, seqCursor } from '../../platform/cursor.js';
import type { HttpApp } from '../../platform/http/app.js';
import { problemResponses } from '../../platform/http/responses.js';
import { requireViewer, SIGNED_IN } from '../../platform/http/session-auth.js';
import { type Id, requireId } from '../../platform/ids.js';
import type { MediaUrl } from '../../platform/media-url.js';
import { type AccountDirectory, userSummaries } from '../accounts/public.js';
import type { createFollowing } from './follow.service.js';
import { privateAccount, userNotFound } from './graph.errors.js';
import type { GraphStore } from './graph.ports.js';
import type { IdPage, RelationKind } from './graph.types.js';
import { profileView, relationshipView } from './graph.views.js';
import type { createProfiles } from './profiles.service.js';
import type { createRelations } from './relations.service.js';

export interface GraphRoutesDeps {
  graph: GraphStore;
  accounts: AccountDirectory;
  following: ReturnType<typeof createFollowing>;
  relations: ReturnType<typeof createRelations>;
  profiles: ReturnType<typeof createProfiles>;
  mediaUrl: MediaUrl;
}

const tags = ['graph'];
const UserIdParams = Type.Object({ userId: Type.String({ maxLength: 40 }) });
type UserIdParams = Static<typeof UserIdParams>;
type Paged = { Params: UserIdParams; Querystring: Static<typeof CursorQuery> };

/** Path ids that cannot be ours name nothing: 404, the same as an unknown account. */
const pathId = (raw: string): Id => requireId(raw, userNotFound);

export function registerGraphRoutes(app: HttpApp, deps: GraphRoutesDeps) {
  const { graph, following, relations, profiles } = deps;

  async function page(viewerId: Id, result: IdPage) {
    const hidden = await graph.blockedAmong(viewerId, result.ids);
    const ids = result.ids.filter((id) => !hidden.has(id));
    return { items: await userSummaries(ids, deps.accounts, deps.mediaUrl), nextCursor: seqCursor(result.next) };
  }

  async function relationshipAnswer(viewerId: Id, otherId: Id) {
    return relationshipView(await graph.facts(viewerId, otherId), viewerId === otherId);
  }

  app.get<{ Params: { username: string } }>('/api/v1/users/:username', {
    schema: { tags, summary: 'An account by username, with counts and the relationship to the viewer', params: Type.Object({ username: Type.String({ maxLength: 64 }) }), response: { 200: Profile, ...problemResponses(404) } },
  }, async (request) => {
    const viewerId = request.viewer?.userId ?? null;
    const found = await profiles.lookup(viewerId, await deps.accounts.findByUsername(request.params.username));
    return profileView(viewerId, found, deps.mediaUrl);
  });

  app.get<{ Params: UserIdParams }>('/api/v1/users/:userId/relationship', {
    schema: { security: SIGNED_IN, tags, summary: 'How the viewer and this account relate, in one call', params: UserIdParams, response: { 200: Relationship, ...problemResponses(401, 404) } },
  }, async (request) => {
    const viewer = requireViewer(request);
    const otherId = pathId(request.params.userId);
    // Not profiles.lookup: the blocker must still learn `blocking: true` here to offer an unblock.
    if (!(await deps.accounts.findById(otherId))) throw userNotFound();
    const facts = viewer.userId === otherId ? null : await graph.facts(viewer.userId, otherId);
    if (facts?.blockedBy) throw userNotFound();
    return relationshipView(facts, viewer.userId === otherId);
  });

  app.post<{ Params: UserIdParams }>('/api/v1/users/:userId/follow', {
    schema: { security: SIGNED_IN, tags, summary: 'Follow, or ask to follow a private account', params: UserIdParams, response: { 200: FollowResult, ...problemResponses(401, 404, 409, 422) } },
  }, async (request) => {
    const viewer = requireViewer(request);
    const targetId = pathId(request.params.userId);
    const status = await following.follow(viewer.userId, targetId);
    return { status, relationship: await relationshipAnswer(viewer.userId, targetId) };
  });

  app.delete<{ Params: UserIdParams }>('/api/v1/users/:userId/follow', {
    schema: { security: SIGNED_IN, tags, summary: 'Unfollow, or withdraw a follow request', params: UserIdParams, response: { 200: FollowResult, ...problemResponses(401, 404, 422) } },
  }, async (request) => {
    const viewer = requireViewer(request);
    const targetId = pathId(request.params.userId);
    const status = await following.unfollow(viewer.userId, targetId);
    return { status, relationship: await relationshipAnswer(viewer.userId, targetId) };
  });

  for (const direction of ['followers', 'following'] as const) {
    app.get<Paged>(`/api/v1/users/:userId/${direction}`, {
      schema: { security: SIGNED_IN, tags, summary: `The account's ${direction}, newest first`, params: UserIdParams, querystring: CursorQuery, response: { 200: UserPage, ...problemResponses(400, 401, 403, 404) } },
    }, async (request) => {
      const viewer = requireViewer(request);
      const found = await profiles.lookup(viewer.userId, await deps.accounts.findById(pathId(request.params.userId)));
      if (!found.canSeeContent) throw privateAccount();
      const { cursor, limit = 20 } = request.query;
      return page(viewer.userId, await graph[direction](found.user.id, seqAfter(cursor), limit));
    });
  }

  app.delete<{ Params: UserIdParams }>('/api/v1/me/followers/:userId', {
    schema: { security: SIGNED_IN, tags, summary: 'Remove someone from your followers', params: UserIdParams, response: { 204: {}, ...problemResponses(401, 404, 422) } },
  }, async (request, reply) => {
    await following.removeFollower(requireViewer(request).userId, pathId(request.params.userId));
    return reply.code(204).send();
  });

  app.get<{ Querystring: Static<typeof CursorQuery> }>('/api/v1/me/follow-requests', {
    schema: { security: SIGNED_IN, tags, summary: 'People waiting for your approval, newest first', querystring: CursorQuery, response: { 200: UserPage, ...problemResponses(400, 401) } },
  }, async (request) => {
    const viewer = requireViewer(request);
    return page(viewer.userId, await graph.requests(viewer.userId, seqAfter(request.query.cursor), request.query.limit ?? 20));
  });

  for (const [verb, act] of [['approve', following.approve], ['decline', following.decline]] as const) {
    app.post<{ Params: UserIdParams }>(`/api/v1/me/follow-requests/:userId/${verb}`, {
      schema: { security: SIGNED_IN, tags, summary: `${verb[0]!.toUpperCase()}${verb.slice(1)} a follow request`, params: UserIdParams, response: { 204: {}, ...problemResponses(401, 404) } },
    }, async (request, reply) => {
      await act(requireViewer(request).userId, pathId(request.params.userId));
      return reply.code(204).send();
    });
  }

  const kinds: [RelationKind, string][] = [['block', 'blocked'], ['mute', 'muted'], ['restrict', 'restricted']];
  for (const [kind, listName] of kinds) {
    for (const on of [true, false]) {
      const method = on ? 'post' : 'delete';
      app[method]<{ Params: UserIdParams }>(`/api/v1/users/:userId/${kind}`, {
        schema: { security: SIGNED_IN, tags, summary: `${on ? '' : 'Un'}${kind} an account`, params: UserIdParams, response: { 200: Relationship, ...problemResponses(401, 404, 422) } },
      }, async (request) => {
        const viewer = requireViewer(request);
        const subjectId = pathId(request.params.userId);
        await relations.set(viewer.userId, subjectId, kind, on);
        return relationshipAnswer(viewer.userId, subjectId);
      });
    }
    app.get<{ Querystring: Static<typeof CursorQuery> }>(`/api/v1/me/${listName}`, {
      schema: { security: SIGNED_IN, tags, summary: `Accounts you have ${listName}`, querystring: CursorQuery, response: { 200: UserPage, ...problemResponses(400, 401) } },
    }, async (request) => {
      const viewer = requireViewer(request);
      const result = await graph.relations(viewer.userId, kind, seqAfter(request.query.cursor), request.query.limit ?? 20);
      return { items: await userSummaries(result.ids, deps.accounts, deps.mediaUrl), nextCursor: seqCursor(result.next) };
    });
  }
}
