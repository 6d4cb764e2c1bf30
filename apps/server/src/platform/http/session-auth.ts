import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { AppError, unauthorized } from '../errors.js';
import type { Viewer } from '../viewer.js';

export const SESSION_COOKIE = 'pictor_session';
export const CSRF_COOKIE = 'pictor_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
    /** The raw session token, kept only for the length of the request (to derive the CSRF token). */
    sessionToken: string | null;
  }
}

export type Authenticate = (token: string, via: Viewer['via']) => Promise<Viewer | null>;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type Security = NonNullable<FastifySchema['security']>;

/**
 * OpenAPI `security` of a route that needs someone signed in. The docs show it, and the
 * route answers 401 before its input is validated: a lapsed session always reads as
 * "sign in again", whatever else is wrong with the request.
 */
export const SIGNED_IN: Security = [{ bearer: [] }, { cookie: [] }];

/**
 * OpenAPI `security` of a route that never acts as the caller (sign-up, sign-in). No session
 * is resolved for it, so a browser that is still signed in needs no CSRF token to sign in
 * again (a signed-out one never did), and a stale Bearer header does not block it.
 */
export const NO_SESSION: Security = [];

/** Per OpenAPI, an empty requirement (`{}`) among the alternatives makes signing in optional. */
const needsViewer = (security: Security | undefined) =>
  !!security?.length && security.every((requirement) => Object.keys(requirement).length > 0);

/**
 * The CSRF token is derived from the session token, so nothing extra is stored:
 * another site can make the browser send the cookie, but cannot read it to derive this.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`csrf:${sessionToken}`).digest('base64url');
}

/**
 * Resolves the viewer from `Authorization: Bearer` (API clients) or the session
 * cookie (browsers). Cookie-authenticated writes must echo the CSRF token.
 * Routes declare SIGNED_IN or NO_SESSION in their schema's `security`.
 */
export function registerSessionAuth(app: FastifyInstance, authenticate: Authenticate) {
  app.decorateRequest('viewer', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.schema?.security?.length === 0) return; // NO_SESSION
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer ([A-Za-z0-9_-]+)$/.exec(header);
      if (!match) throw new AppError(401, 'invalid_token', 'Send the session token as "Authorization: Bearer <token>".');
      request.viewer = await authenticate(match[1]!, 'bearer');
      if (!request.viewer) throw new AppError(401, 'invalid_token', 'The session has ended. Sign in again.');
      request.sessionToken = match[1]!;
      return;
    }
    const cookie = request.cookies?.[SESSION_COOKIE];
    if (!cookie) return;
    request.viewer = await authenticate(cookie, 'cookie');
    if (!request.viewer) return;
    request.sessionToken = cookie;
    if (UNSAFE.has(request.method) && !csrfMatches(request, cookie)) {
      throw new AppError(403, 'csrf_failed', 'This request did not come from a Pictor page. Reload and try again.');
    }
  });
  app.addHook('preValidation', async (request) => {
    if (!request.viewer && needsViewer(request.routeOptions.schema?.security)) throw unauthorized();
  });
}

function csrfMatches(request: FastifyRequest, sessionToken: string): boolean {
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const actual = Buffer.from(sent);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The signed-in viewer, or a 401 for routes that need one. */
export function requireViewer(request: FastifyRequest): Viewer {
  // A programming error, caught by any test of the route: without the declaration the
  // route would validate before answering 401 and its docs would not say it needs a session.
  if (!needsViewer(request.routeOptions.schema?.security)) {
    throw new Error(`${request.routeOptions.method} ${request.routeOptions.url} calls requireViewer but does not declare security: SIGNED_IN`);
  }
  if (!request.viewer) throw unauthorized();
  return request.viewer;
}

export function setSessionCookies(reply: FastifyReply, token: string, secure: boolean) {
  const maxAge = 90 * 24 * 3600;
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge });
  reply.setCookie(CSRF_COOKIE, csrfTokenFor(token), { httpOnly: false, sameSite: 'strict', secure, path: '/', maxAge });
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
