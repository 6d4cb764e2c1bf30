import {
  ChangePasswordBody, DeleteAccountBody, Me, SessionResponse, SignInBody, SignUpBody, UpdateProfileBody,
} from '@pictor/contract';
import type { FastifyReply } from 'fastify';
import { badRequest } from '../../platform/errors.js';
import type { HttpApp } from '../../platform/http/app.js';
import {
  clearSessionCookies, csrfTokenFor, NO_SESSION, requireViewer, SIGNED_IN, setSessionCookies,
} from '../../platform/http/session-auth.js';
import { problemResponses } from '../../platform/http/responses.js';
import type { MediaUrl } from '../../platform/media-url.js';
import type { Id } from '../../platform/ids.js';
import type { createAccountLifecycle } from './account-lifecycle.service.js';
import type { UserStore } from './accounts.ports.js';
import type { User } from './accounts.types.js';
import { meView, type ProfileCounts } from './accounts.views.js';
import type { createProfileEditing } from './profile.service.js';
import type { createSessions } from './sessions.service.js';
import type { createSignIn } from './sign-in.service.js';

export interface AccountRoutesDeps {
  lifecycle: ReturnType<typeof createAccountLifecycle>;
  signIn: ReturnType<typeof createSignIn>;
  sessions: ReturnType<typeof createSessions>;
  profiles: ReturnType<typeof createProfileEditing>;
  users: UserStore;
  counts: (userId: Id) => Promise<ProfileCounts>;
  mediaUrl: MediaUrl;
  cookieSecure: boolean;
}

const tags = ['accounts'];

export function registerAccountRoutes(app: HttpApp, deps: AccountRoutesDeps) {
  const me = async (user: User) => meView(user, await deps.counts(user.id), deps.mediaUrl);
  const answerSession = async (reply: FastifyReply, token: string, user: User) => {
    setSessionCookies(reply, token, deps.cookieSecure);
    return { token, csrfToken: csrfTokenFor(token), user: await me(user) };
  };

  app.post<{ Body: SignUpBody }>('/api/v1/auth/signup', {
    schema: { tags, security: NO_SESSION, summary: 'Create an account and sign in', body: SignUpBody, response: { 201: SessionResponse, ...problemResponses(400, 409, 422, 429) } },
  }, async (request, reply) => {
    const { token, user } = await deps.lifecycle.signUp({ ...request.body, address: request.ip, userAgent: request.headers['user-agent'] ?? '' });
    reply.code(201);
    return answerSession(reply, token, user);
  });

  app.post<{ Body: SignInBody }>('/api/v1/auth/login', {
    schema: { tags, security: NO_SESSION, summary: 'Sign in with a username or email', body: SignInBody, response: { 200: SessionResponse, ...problemResponses(400, 401, 429) } },
  }, async (request, reply) => {
    const { token, user } = await deps.signIn({
      identifier: request.body.username, password: request.body.password,
      address: request.ip, userAgent: request.headers['user-agent'] ?? '',
    });
    return answerSession(reply, token, user);
  });

  app.post('/api/v1/auth/logout', { schema: { tags, security: SIGNED_IN, summary: 'End this session', response: { 204: {}, ...problemResponses(401) } } }, async (request, reply) => {
    await deps.sessions.signOut(requireViewer(request).tokenHash);
    clearSessionCookies(reply);
    return reply.code(204).send();
  });

  app.post('/api/v1/auth/logout-all', { schema: { tags, security: SIGNED_IN, summary: 'End every session of this account', response: { 204: {}, ...problemResponses(401) } } }, async (request, reply) => {
    await deps.sessions.signOutEverywhere(requireViewer(request).userId);
    clearSessionCookies(reply);
    return reply.code(204).send();
  });

  app.post<{ Body: ChangePasswordBody }>('/api/v1/auth/password', {
    schema: { tags, security: SIGNED_IN, summary: 'Change the password; every other session ends', body: ChangePasswordBody, response: { 204: {}, ...problemResponses(400, 401, 403, 422) } },
  }, async (request, reply) => {
    await deps.lifecycle.changePassword(requireViewer(request), request.body.currentPassword, request.body.newPassword);
    return reply.code(204).send();
  });

  app.get('/api/v1/me', { schema: { tags, security: SIGNED_IN, summary: 'The signed-in account', response: { 200: Me, ...problemResponses(401) } } }, async (request) => {
    const user = await deps.users.findById(requireViewer(request).userId);
    if (!user) throw badRequest('account_gone', 'This account no longer exists.');
    return me(user);
  });

  app.patch<{ Body: UpdateProfileBody }>('/api/v1/me', {
    schema: { tags, security: SIGNED_IN, summary: 'Edit the profile', body: UpdateProfileBody, response: { 200: Me, ...problemResponses(400, 401, 422) } },
  }, async (request) => me(await deps.profiles.update(requireViewer(request).userId, request.body)));

  app.put('/api/v1/me/avatar', {
    schema: { tags, security: SIGNED_IN, summary: 'Upload a new avatar (multipart field "file")', consumes: ['multipart/form-data'], response: { 200: Me, ...problemResponses(400, 401, 413, 415, 422) } },
  }, async (request) => {
    const viewer = requireViewer(request);
    const file = await request.file();
    if (!file) throw badRequest('file_missing', 'Attach the picture as a multipart field named "file".');
    return me(await deps.profiles.setAvatar(viewer.userId, await file.toBuffer()));
  });

  app.delete('/api/v1/me/avatar', { schema: { tags, security: SIGNED_IN, summary: 'Remove the avatar', response: { 200: Me, ...problemResponses(401) } } }, async (request) =>
    me(await deps.profiles.removeAvatar(requireViewer(request).userId)));

  app.delete<{ Body: { password: string } }>('/api/v1/me', {
    schema: { tags, security: SIGNED_IN, summary: 'Delete the account and everything it owns', body: DeleteAccountBody, response: { 204: {}, ...problemResponses(400, 401, 403) } },
  }, async (request, reply) => {
    await deps.lifecycle.deleteAccount(requireViewer(request), request.body.password);
    clearSessionCookies(reply);
    return reply.code(204).send();
  });
}
