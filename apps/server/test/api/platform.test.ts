import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, signUp } from '../factories/users.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('platform', () => {
  it('when the process is up and storage is usable, then /health answers 200 naming each check', async () => {
    const res = await server.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', roles: ['api', 'worker', 'gateway'], checks: { database: 'ok', media: 'ok' } });
  });

  it('when the OpenAPI document is fetched, then it is OpenAPI 3.1 and lists every account and graph route', async () => {
    const res = await server.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`));
    for (const route of [
      'POST /api/v1/auth/signup', 'POST /api/v1/auth/login', 'POST /api/v1/auth/logout', 'POST /api/v1/auth/logout-all',
      'POST /api/v1/auth/password', 'GET /api/v1/me', 'PATCH /api/v1/me', 'DELETE /api/v1/me', 'PUT /api/v1/me/avatar',
      'DELETE /api/v1/me/avatar', 'GET /api/v1/users/{username}', 'GET /api/v1/users/{userId}/relationship',
      'POST /api/v1/users/{userId}/follow', 'DELETE /api/v1/users/{userId}/follow', 'GET /api/v1/users/{userId}/followers',
      'GET /api/v1/users/{userId}/following', 'DELETE /api/v1/me/followers/{userId}', 'GET /api/v1/me/follow-requests',
      'POST /api/v1/me/follow-requests/{userId}/approve', 'POST /api/v1/me/follow-requests/{userId}/decline',
      'POST /api/v1/users/{userId}/block', 'DELETE /api/v1/users/{userId}/block', 'POST /api/v1/users/{userId}/mute',
      'DELETE /api/v1/users/{userId}/mute', 'POST /api/v1/users/{userId}/restrict', 'DELETE /api/v1/users/{userId}/restrict',
      'GET /api/v1/me/blocked', 'GET /api/v1/me/muted', 'GET /api/v1/me/restricted', 'GET /health',
    ]) {
      expect(routes, route).toContain(route);
    }
    const signup = doc.paths['/api/v1/auth/signup'].post;
    expect(signup.requestBody.content['application/json'].schema.properties).toHaveProperty('username');
    expect(Object.keys(signup.responses)).toEqual(expect.arrayContaining(['201', '400', '409', '422', '429']));
  });

  it('when the docs page is opened, then a browsable HTML page is served', async () => {
    const res = await server.inject({ method: 'GET', url: '/api/docs' });
    const page = res.statusCode === 302 ? await server.inject({ method: 'GET', url: String(res.headers.location).startsWith('/') ? String(res.headers.location) : `/api/docs/${res.headers.location}` }) : res;
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body.toLowerCase()).toContain('<html');
  });

  it('when a route does not exist, then 404 problem+json with a code', async () => {
    expectProblem(await server.inject({ method: 'GET', url: '/api/v1/nothing-here' }), 404, 'route_not_found');
    expectProblem(await server.inject({ method: 'PUT', url: '/api/v1/auth/login' }), 404, 'route_not_found');
  });

  it('when a body is larger than the limit, then 413 problem+json', async () => {
    const res = await server.inject({
      method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'x', password: 'y', pad: 'z'.repeat(2 * 1024 * 1024) }),
    });
    expectProblem(res, 413, 'payload_too_large');
  });

  it('when a signed-in user sends a deeply nested or odd JSON body, then a 4xx problem, never a 500', async () => {
    const user = await signUp(server);
    const nested = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    for (const payload of [nested, '{"bio": "\\ud800"}', '{"__proto__": {"isPrivate": true}}', '{"constructor": {"prototype": {"x": 1}}}']) {
      const res = await user.call({ method: 'PATCH', url: '/api/v1/me', payload, headers: { 'content-type': 'application/json' } });
      expect(res.statusCode, payload.slice(0, 30)).toBeLessThan(500);
    }
    expect((await user.call({ method: 'GET', url: '/api/v1/me' })).json().isPrivate).toBe(false);
    const lone = await user.call({ method: 'PATCH', url: '/api/v1/me', payload: '{"displayName": "half \\ud83d"}', headers: { 'content-type': 'application/json' } });
    expectProblem(lone, 422, 'invalid_text');
  });
});
