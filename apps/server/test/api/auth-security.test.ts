import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, GOOD_PASSWORD, signUp, uniqueName } from '../factories/users.js';
import { startTestServer, type TestServer } from '../support/harness.js';

const login = (server: TestServer, username: string, password: string, remoteAddress: string) =>
  server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress });

describe('sign-in lockout', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ PICTOR_LIMIT_SIGNIN_ACCOUNT: '3/900', PICTOR_LIMIT_SIGNIN_ADDRESS: '5/300' });
  });
  afterAll(() => server.close());

  it('when one account fails too often from many addresses, then even the right password gets 429 with Retry-After until the window ends', async () => {
    const user = await signUp(server);
    for (let i = 0; i < 3; i++) expectProblem(await login(server, user.username, 'wrong-password-x', `10.20.0.${i}`), 401, 'invalid_credentials');
    const locked = await login(server, user.email, user.password, '10.20.0.99');
    const problem = expectProblem(locked, 429, 'rate_limited');
    expect(Number(locked.headers['retry-after'])).toBe(900);
    expect(problem.retryAfterSeconds).toBe(900);

    server.clock.advance(600_000);
    const stillLocked = await login(server, user.username, user.password, '10.20.0.98');
    expect(Number(expectProblem(stillLocked, 429).retryAfterSeconds)).toBe(300);
    expect(stillLocked.headers['retry-after']).toBe('300');

    server.clock.advance(300_000);
    expect((await login(server, user.username, user.password, '10.20.0.97')).statusCode).toBe(200);
  });

  it('when an unknown account is tried too often, then it locks exactly like a real one, so lockouts reveal nothing', async () => {
    const real = await signUp(server);
    const ghost = uniqueName('ghost');
    const answers: [number, string | undefined][] = [];
    for (const name of [real.username, ghost]) {
      for (let i = 0; i < 4; i++) {
        const res = await login(server, name, 'wrong-password-x', `10.21.${i}.${name === ghost ? 1 : 2}`);
        answers.push([res.statusCode, res.headers['retry-after'] as string | undefined]);
      }
    }
    expect(answers.slice(0, 4)).toEqual(answers.slice(4));
    expect(answers[3]).toEqual([429, '900']);
  });

  it('when one address fails too often across accounts, then it is locked out while other addresses are not', async () => {
    const victim = await signUp(server);
    const address = '10.22.0.1';
    for (let i = 0; i < 5; i++) expectProblem(await login(server, uniqueName('nobody'), 'wrong-password-x', address), 401);
    const locked = await login(server, victim.username, victim.password, address);
    expectProblem(locked, 429, 'rate_limited');
    expect(Number(locked.headers['retry-after'])).toBe(300);
    expect((await login(server, victim.username, victim.password, '10.22.0.2')).statusCode).toBe(200);
    server.clock.advance(300_000);
    expect((await login(server, victim.username, victim.password, address)).statusCode).toBe(200);
  });

  it('when signing in succeeds or fails, then the attempt is recorded by account and address', async () => {
    const user = await signUp(server);
    await login(server, user.username, 'wrong-password-x', '10.23.0.1');
    await login(server, user.username, user.password, '10.23.0.1');
    const rows = server.pictor.db
      .prepare('SELECT account_key, success FROM sign_in_attempts WHERE address = ? ORDER BY rowid')
      .all('10.23.0.1') as { account_key: string; success: bigint }[];
    expect(rows.map((r) => [r.account_key, Number(r.success)])).toEqual([[`user:${user.id}`, 0], [`user:${user.id}`, 1]]);
  });
});

describe('sign-up rate limit and trusted proxies', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ PICTOR_LIMIT_SIGNUP_ADDRESS: '2/1800', PICTOR_TRUSTED_PROXIES: '10.30.0.1' });
  });
  afterAll(() => server.close());

  const attempt = (remoteAddress: string, forwardedFor?: string) => {
    const username = uniqueName('su');
    return server.inject({
      method: 'POST', url: '/api/v1/auth/signup', remoteAddress,
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
      payload: { username, email: `${username}@example.com`, password: GOOD_PASSWORD },
    });
  };

  it('when one address signs up too often, then 429 with Retry-After, and the window ending lets it in again', async () => {
    expect((await attempt('10.31.0.1')).statusCode).toBe(201);
    expect((await attempt('10.31.0.1')).statusCode).toBe(201);
    const limited = await attempt('10.31.0.1');
    expectProblem(limited, 429, 'rate_limited');
    expect(Number(limited.headers['retry-after'])).toBe(1800);
    expect((await attempt('10.31.0.2')).statusCode).toBe(201);
    server.clock.advance(1_800_000);
    expect((await attempt('10.31.0.1')).statusCode).toBe(201);
  });

  it('when an untrusted client sends X-Forwarded-For, then it is ignored and the limit keys on the real address', async () => {
    expect((await attempt('10.32.0.1', '1.1.1.1')).statusCode).toBe(201);
    expect((await attempt('10.32.0.1', '2.2.2.2')).statusCode).toBe(201);
    expectProblem(await attempt('10.32.0.1', '3.3.3.3'), 429, 'rate_limited');
  });

  it('when the configured proxy forwards, then each client behind it has its own budget', async () => {
    for (const client of ['5.5.5.1', '5.5.5.2', '5.5.5.3']) {
      expect((await attempt('10.30.0.1', client)).statusCode).toBe(201);
    }
    expect((await attempt('10.30.0.1', '5.5.5.4')).statusCode).toBe(201);
    expect((await attempt('10.30.0.1', '5.5.5.4')).statusCode).toBe(201);
    expectProblem(await attempt('10.30.0.1', '5.5.5.4'), 429);
  });

  it('when sign-ins arrive through the proxy, then the recorded address is the client, not the proxy', async () => {
    const username = uniqueName('px');
    await server.inject({
      method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.30.0.1', headers: { 'x-forwarded-for': '6.6.6.6' },
      payload: { username, password: 'wrong-password-x' },
    });
    await server.inject({
      method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.33.0.1', headers: { 'x-forwarded-for': '7.7.7.7' },
      payload: { username, password: 'wrong-password-x' },
    });
    const addresses = server.pictor.db.prepare('SELECT address FROM sign_in_attempts WHERE account_key = ? ORDER BY rowid').pluck().all(`name:${username}`);
    expect(addresses).toEqual(['6.6.6.6', '10.33.0.1']);
  });
});

describe('session tokens, cookies and CSRF', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('when a session is made, then its token has at least 128 random bits and only its hash is stored', async () => {
    const user = await signUp(server);
    expect(Buffer.from(user.token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const rows = server.pictor.db.prepare('SELECT * FROM sessions').all() as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(0);
    const tokenBytes = Buffer.from(user.token, 'base64url');
    for (const row of rows) {
      for (const value of Object.values(row)) {
        const text = Buffer.isBuffer(value) ? value.toString('latin1') : String(value);
        expect(text).not.toContain(user.token);
        if (Buffer.isBuffer(value)) expect(value.equals(tokenBytes)).toBe(false);
      }
    }
    server.pictor.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const file of ['pictor.db', 'pictor.db-wal']) {
      const path = join(server.dataDir, file);
      if (existsSync(path)) expect(readFileSync(path).includes(Buffer.from(user.token))).toBe(false);
    }
  });

  it('when a password is stored, then it is an Argon2id hash', async () => {
    const user = await signUp(server);
    const hash = server.pictor.db.prepare('SELECT password_hash FROM users WHERE id = ?').pluck().get(BigInt(user.id));
    expect(String(hash)).toMatch(/^\$argon2id\$/);
    expect(String(hash)).not.toContain(user.password);
  });

  it('when signed in with the cookie, then reads work but writes need the CSRF token', async () => {
    const user = await signUp(server);
    const other = await signUp(server);
    const cookies = { pictor_session: user.token };
    expect((await server.inject({ method: 'GET', url: '/api/v1/me', cookies })).json().id).toBe(user.id);
    const noToken = await server.inject({ method: 'PATCH', url: '/api/v1/me', cookies, payload: { bio: 'csrf' } });
    expectProblem(noToken, 403, 'csrf_failed');
    const wrongToken = await server.inject({ method: 'POST', url: `/api/v1/users/${other.id}/follow`, cookies, headers: { 'x-csrf-token': 'x'.repeat(43) } });
    expectProblem(wrongToken, 403, 'csrf_failed');
    const othersToken = await server.inject({ method: 'POST', url: `/api/v1/users/${other.id}/follow`, cookies, headers: { 'x-csrf-token': other.csrfToken } });
    expectProblem(othersToken, 403, 'csrf_failed');
    const ok = await server.inject({ method: 'PATCH', url: '/api/v1/me', cookies, headers: { 'x-csrf-token': user.csrfToken }, payload: { bio: 'csrf ok' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().bio).toBe('csrf ok');
    const logout = await server.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies });
    expectProblem(logout, 403, 'csrf_failed');
  });

  it('when a browser still signed in signs in again without a CSRF token, then it gets a fresh session', async () => {
    const user = await signUp(server);
    const res = await server.inject({
      method: 'POST', url: '/api/v1/auth/login', cookies: { pictor_session: user.token }, payload: { username: user.username, password: user.password },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().token).not.toBe(user.token);
    expect(res.cookies.find((c) => c.name === 'pictor_session')?.value).toBe(res.json().token);
    const stale = await server.inject({
      method: 'POST', url: '/api/v1/auth/login', headers: { authorization: 'Bearer ended' }, payload: { username: user.username, password: user.password },
    });
    expect(stale.statusCode).toBe(200);
  });

  it('when nobody is signed in and the input is also bad, then 401 comes first', async () => {
    expectProblem(await server.inject({ method: 'PATCH', url: '/api/v1/me', payload: { isPrivate: 'maybe' } }), 401, 'unauthenticated');
    expectProblem(await server.inject({ method: 'DELETE', url: '/api/v1/me', payload: {} }), 401, 'unauthenticated');
    expectProblem(await server.inject({ method: 'GET', url: '/api/v1/users/search?q=' }), 401, 'unauthenticated');
    expectProblem(await server.inject({ method: 'GET', url: '/api/v1/feed?limit=5000' }), 401, 'unauthenticated');
    expectProblem(await server.inject({ method: 'POST', url: '/api/v1/posts/1/comments', payload: { text: 42 } }), 401, 'unauthenticated');
    expectProblem(await server.inject({ method: 'POST', url: '/api/v1/albums', payload: {} }), 401, 'unauthenticated');
    expectProblem(await server.inject({ method: 'GET', url: '/api/v1/me/blocked?cursor=%%%' }), 401, 'unauthenticated');
  });

  it('when the API is described, then routes that need a session say so and sign-in says it needs none', async () => {
    const paths = (await server.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths;
    const signedIn = [{ bearer: [] }, { cookie: [] }];
    expect(paths['/api/v1/me'].patch.security).toEqual(signedIn);
    expect(paths['/api/v1/users/search'].get.security).toEqual(signedIn);
    expect(paths['/api/v1/auth/login'].post.security).toEqual([]);
  });

  it('when signed in with a bearer token, then writes need no CSRF token', async () => {
    const user = await signUp(server);
    const res = await user.call({ method: 'PATCH', url: '/api/v1/me', payload: { bio: 'bearer' } });
    expect(res.statusCode).toBe(200);
  });

  it('when the CSRF cookie is read, then it matches the token the sign-in answered, and the session cookie is HttpOnly', async () => {
    const username = uniqueName('ck');
    const res = await server.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: { username, email: `${username}@example.com`, password: GOOD_PASSWORD } });
    const session = res.cookies.find((c) => c.name === 'pictor_session')!;
    const csrf = res.cookies.find((c) => c.name === 'pictor_csrf')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(session.secure).toBeFalsy();
    expect(csrf.httpOnly).toBeFalsy();
    expect(csrf.value).toBe(res.json().csrfToken);
  });

  it('when signing out with the cookie, then both cookies are cleared and the session ends', async () => {
    const user = await signUp(server);
    const res = await server.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: { pictor_session: user.token }, headers: { 'x-csrf-token': user.csrfToken } });
    expect(res.statusCode).toBe(204);
    const cleared = Object.fromEntries(res.cookies.map((c) => [c.name, c]));
    expect(cleared.pictor_session?.value).toBe('');
    expect(cleared.pictor_csrf?.value).toBe('');
    expectProblem(await user.call({ method: 'GET', url: '/api/v1/me' }), 401);
  });

  it('when a stale cookie is sent, then the request is anonymous rather than failing', async () => {
    const res = await server.inject({ method: 'GET', url: '/api/v1/me', cookies: { pictor_session: 'A'.repeat(43) } });
    expectProblem(res, 401, 'unauthenticated');
  });
});

describe('secure cookies', () => {
  it('when the public URL is https, then the session cookie is Secure', async () => {
    const server = await startTestServer({ PICTOR_PUBLIC_URL: 'https://pictor.example' });
    try {
      const user = uniqueName('sec');
      const res = await server.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: { username: user, email: `${user}@example.com`, password: GOOD_PASSWORD } });
      expect(res.cookies.find((c) => c.name === 'pictor_session')?.secure).toBe(true);
    } finally {
      await server.close();
    }
  });
});
