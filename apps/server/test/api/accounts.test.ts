import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../factories/multipart.js';
import { jpeg } from '../factories/photos.js';
import { expectProblem, GOOD_PASSWORD, signUp, type TestUser, uniqueName } from '../factories/users.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ PICTOR_LIMIT_SIGNUP_ADDRESS: '1000/60' });
});
afterAll(() => server.close());

const signup = (payload: unknown, remoteAddress = '10.9.9.9') =>
  server.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: payload as object, remoteAddress });
const login = (username: string, password: string, remoteAddress = '10.8.8.8') =>
  server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress });

describe('sign up', () => {
  it('when the details are good, then the account exists and is signed in with a token and a cookie', async () => {
    const username = uniqueName('new');
    const res = await signup({ username, email: `${username}@example.com`, password: GOOD_PASSWORD, displayName: 'New Person' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user).toMatchObject({ username, email: `${username}@example.com`, displayName: 'New Person', isPrivate: false });
    expect(body.user.counts).toEqual({ followers: 0, following: 0, posts: 0 });
    expect(body.user.id).toMatch(/^[1-9][0-9]{0,18}$/);
    expect(res.cookies.find((c) => c.name === 'pictor_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax', value: body.token });
    const me = await server.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${body.token}` } });
    expect(me.json().username).toBe(username);
  });

  it('when the username is typed with capitals and an @, then it is stored lowercase without the @', async () => {
    const base = uniqueName('caps');
    const res = await signup({ username: `@${base.toUpperCase()}`, email: `${base}@Example.COM`, password: GOOD_PASSWORD });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ username: base, email: `${base}@example.com` });
  });

  it('when the username or email is taken (in any case), then 409 names the field', async () => {
    const first = await signUp(server);
    const sameName = await signup({ username: first.username.toUpperCase(), email: `${uniqueName()}@example.com`, password: GOOD_PASSWORD });
    expect(expectProblem(sameName, 409, 'username_taken').fields).toEqual([{ field: 'username', message: expect.any(String) }]);
    const sameEmail = await signup({ username: uniqueName(), email: first.email.toUpperCase(), password: GOOD_PASSWORD });
    expect(expectProblem(sameEmail, 409, 'email_taken').fields?.[0]?.field).toBe('email');
  });

  it('when the password is weak or breached, then 422 says which, and nothing is created', async () => {
    // Long enough that the name itself passes the length rule whatever the pid: the 422 must come from the strength check.
    const username = uniqueName('weakling');
    const weak = await signup({ username, email: `${username}@example.com`, password: 'aaaaaaaa' });
    expect(['password_too_weak', 'password_breached']).toContain(expectProblem(weak, 422).code);
    const breached = await signup({ username, email: `${username}@example.com`, password: 'password123' });
    expect(expectProblem(breached, 422, 'password_breached').fields?.[0]?.field).toBe('password');
    const nameAsPassword = await signup({ username, email: `${username}@example.com`, password: `${username}` });
    expectProblem(nameAsPassword, 422);
    expectProblem(await login(username, 'password123'), 401, 'invalid_credentials');
    const ok = await signup({ username, email: `${username}@example.com`, password: GOOD_PASSWORD });
    expect(ok.statusCode).toBe(201);
  });

  it('when a field is too long or too short, then 400 names it', async () => {
    const u = uniqueName();
    const cases: [object, string][] = [
      [{ username: 'a'.repeat(40), email: `${u}@example.com`, password: GOOD_PASSWORD }, 'username'],
      [{ username: u, email: `${'e'.repeat(260)}@example.com`, password: GOOD_PASSWORD }, 'email'],
      [{ username: u, email: `${u}@example.com`, password: 'x'.repeat(257) }, 'password'],
      [{ username: u, email: `${u}@example.com`, password: 'short' }, 'password'],
      [{ username: u, email: `${u}@example.com`, password: GOOD_PASSWORD, displayName: 'd'.repeat(65) }, 'displayName'],
      [{ email: `${u}@example.com`, password: GOOD_PASSWORD }, 'username'],
    ];
    for (const [payload, field] of cases) {
      const problem = expectProblem(await signup(payload), 400, 'validation_failed');
      expect(problem.fields?.map((f) => f.field)).toContain(field);
    }
  });

  it('when a password is long, then all of it counts: no silent truncation', async () => {
    const long = `${GOOD_PASSWORD}-${'z'.repeat(200)}`;
    const user = await signUp(server, { password: long });
    expectProblem(await login(user.username, long.slice(0, 72)), 401, 'invalid_credentials');
    expectProblem(await login(user.username, long.slice(0, -1)), 401, 'invalid_credentials');
    expect((await login(user.username, long)).statusCode).toBe(200);
  });

  it('when the body is malformed JSON, empty or the wrong types, then a 400 problem, never a 500', async () => {
    const raw = (payload: string, type = 'application/json') =>
      server.inject({ method: 'POST', url: '/api/v1/auth/signup', payload, headers: { 'content-type': type } });
    expectProblem(await raw('{"username": "x",'), 400, 'malformed_json');
    expectProblem(await raw(''), 400);
    expectProblem(await raw('null'), 400);
    expectProblem(await raw('[]'), 400, 'validation_failed');
    expectProblem(await raw('"just a string"'), 400, 'validation_failed');
    expectProblem(await raw('username=a&password=b', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type');
    const wrongTypes = await signup({ username: 123, email: ['a@b.co'], password: { p: 1 } });
    expectProblem(wrongTypes, 400, 'validation_failed');
    const numberAsString = await signup({ username: uniqueName(), email: `${uniqueName()}@example.com`, password: 12345678901234 });
    expect(expectProblem(numberAsString, 400, 'validation_failed').fields?.[0]?.field).toBe('password');
  });

  it('when unknown fields such as role are sent, then they are ignored', async () => {
    const username = uniqueName('role');
    const res = await signup({ username, email: `${username}@example.com`, password: GOOD_PASSWORD, role: 'admin', isAdmin: true, id: '1', counts: { followers: 1e6 } });
    expect(res.statusCode).toBe(201);
    const user = res.json().user;
    expect(user).not.toHaveProperty('role');
    expect(user).not.toHaveProperty('isAdmin');
    expect(user.id).not.toBe('1');
    expect(user.counts.followers).toBe(0);
  });

  it('when the username has unicode tricks or a bad shape, then 422 invalid_username', async () => {
    const tricks = [
      'аdmin', // Cyrillic а
      'ｆｕｌｌｗｉｄｔｈ',
      'zero\u200Bwidth',
      'bidi\u202Eevil',
      'has space',
      'dash-name',
      '.leading',
      'trailing.',
      'two..dots',
      '1234_5678',
      'admin',
      'API',
      'emoji😀',
    ];
    for (const username of tricks) {
      const res = await signup({ username, email: `${uniqueName()}@example.com`, password: GOOD_PASSWORD });
      expect(expectProblem(res, 422, 'invalid_username').fields?.[0]?.field, username).toBe('username');
    }
  });

  it('when the email is not an email or hides invisible characters, then 422 invalid_email', async () => {
    for (const email of ['not-an-email', 'a@b', 'two@@example.com', 'sp ace@example.com', 'zw\u200B@example.com', 'x@exa\u202Emple.com']) {
      const res = await signup({ username: uniqueName(), email, password: GOOD_PASSWORD });
      expectProblem(res, 422, 'invalid_email');
    }
  });

  it('when the display name hides bidi overrides or zero-width characters, then 422, and nothing is created', async () => {
    const username = uniqueName('dn');
    for (const displayName of ['Evil\u202Egnp.exe', 'Zero\u200Bwidth', 'Ctrl\u0007']) {
      const res = await signup({ username, email: `${username}@example.com`, password: GOOD_PASSWORD, displayName });
      expect(expectProblem(res, 422, 'invalid_text').fields?.[0]?.field).toBe('displayName');
    }
    const ok = await signup({ username, email: `${username}@example.com`, password: GOOD_PASSWORD, displayName: '  Cafe\u0301  ' });
    expect(ok.json().user.displayName).toBe('Café');
  });
});

describe('sign in', () => {
  it('when signing in by username or by email (any case), then a session token and cookies come back', async () => {
    const user = await signUp(server);
    for (const identifier of [user.username, user.username.toUpperCase(), `@${user.username}`, user.email, user.email.toUpperCase()]) {
      const res = await login(identifier, user.password);
      expect(res.statusCode, identifier).toBe(200);
      const body = res.json();
      expect(body.user.id).toBe(user.id);
      expect(body.token).not.toBe(user.token);
      expect(res.cookies.map((c) => c.name).sort()).toEqual(['pictor_csrf', 'pictor_session']);
    }
  });

  it('when the password is wrong, then the answer is the same whether or not the account exists', async () => {
    const user = await signUp(server);
    const wrong = await login(user.username, 'not-the-password-at-all');
    const nobody = await login(uniqueName('ghost'), 'not-the-password-at-all');
    const nobodyEmail = await login(`${uniqueName('ghost')}@example.com`, 'not-the-password-at-all');
    for (const res of [wrong, nobody, nobodyEmail]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toBe(wrong.headers['content-type']);
    }
    expect(nobody.body).toBe(wrong.body);
    expect(nobodyEmail.body).toBe(wrong.body);
  });

  it('when sign-in fields are missing or the wrong type, then 400', async () => {
    expectProblem(await server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x' } }), 400, 'validation_failed');
    expectProblem(await server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 1, password: 2 } }), 400, 'validation_failed');
  });
});

describe('sessions', () => {
  it('when signing out, then that token stops working but other sessions go on', async () => {
    const user = await signUp(server);
    const second = (await login(user.username, user.password)).json().token;
    expect((await user.call({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    expectProblem(await user.call({ method: 'GET', url: '/api/v1/me' }), 401, 'invalid_token');
    const other = await server.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${second}` } });
    expect(other.statusCode).toBe(200);
  });

  it('when signing out everywhere, then every session of the account ends', async () => {
    const user = await signUp(server);
    const second = (await login(user.username, user.password)).json().token;
    expect((await user.call({ method: 'POST', url: '/api/v1/auth/logout-all' })).statusCode).toBe(204);
    expectProblem(await user.call({ method: 'GET', url: '/api/v1/me' }), 401);
    expectProblem(await server.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${second}` } }), 401);
  });

  it('when nobody is signed in, then /me and sign-out answer 401', async () => {
    expectProblem(await server.inject({ method: 'GET', url: '/api/v1/me' }), 401, 'unauthenticated');
    expectProblem(await server.inject({ method: 'POST', url: '/api/v1/auth/logout' }), 401, 'unauthenticated');
    expectProblem(await server.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Basic abc' } }), 401, 'invalid_token');
    expectProblem(await server.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${'A'.repeat(43)}` } }), 401, 'invalid_token');
  });

  it('when the password changes, then other sessions end at once and the new password is the one that works', async () => {
    const user = await signUp(server);
    const other = (await login(user.username, user.password)).json().token;
    const newPassword = 'marble-orchid-tundra-88';
    const res = await user.call({ method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: user.password, newPassword } });
    expect(res.statusCode).toBe(204);
    expect((await user.call({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
    expectProblem(await server.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${other}` } }), 401);
    expectProblem(await login(user.username, user.password), 401, 'invalid_credentials');
    expect((await login(user.username, newPassword)).statusCode).toBe(200);
  });

  it('when the current password is wrong or the new one is weak, then nothing changes', async () => {
    const user = await signUp(server);
    const wrong = await user.call({ method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: 'nope-nope-nope', newPassword: 'marble-orchid-tundra-88' } });
    expectProblem(wrong, 403, 'wrong_password');
    const weak = await user.call({ method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: user.password, newPassword: 'password1' } });
    expectProblem(weak, 422, 'password_breached');
    expect((await login(user.username, user.password)).statusCode).toBe(200);
  });
});

describe('delete account', () => {
  it('when the account is deleted, then its sessions, follows and avatar files go and the username is free again', async () => {
    const user = await signUp(server);
    const friend = await signUp(server);
    await user.call({ method: 'POST', url: `/api/v1/users/${friend.id}/follow` });
    await friend.call({ method: 'POST', url: `/api/v1/users/${user.id}/follow` });
    const sharp = (await import('sharp')).default;
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#336699' } }).png().toBuffer();
    const upload = await user.call({
      method: 'PUT', url: '/api/v1/me/avatar', ...multipartFile(png, 'me.png', 'image/png'),
    });
    expect(upload.statusCode).toBe(200);
    const avatarDir = join(server.dataDir, 'media', 'avatars', user.id);
    expect(readdirSync(avatarDir).length).toBeGreaterThan(0);

    expectProblem(await user.call({ method: 'DELETE', url: '/api/v1/me', payload: { password: 'wrong-wrong-wrong' } }), 403, 'wrong_password');
    expect((await user.call({ method: 'DELETE', url: '/api/v1/me', payload: { password: user.password } })).statusCode).toBe(204);
    await server.pictor.drain();

    expectProblem(await user.call({ method: 'GET', url: '/api/v1/me' }), 401);
    expectProblem(await login(user.username, user.password), 401, 'invalid_credentials');
    expectProblem(await friend.call({ method: 'GET', url: `/api/v1/users/${user.username}` }), 404, 'not_found');
    const friendNow = (await friend.call({ method: 'GET', url: '/api/v1/me' })).json();
    expect(friendNow.counts).toMatchObject({ followers: 0, following: 0 });
    expect((await friend.call({ method: 'GET', url: `/api/v1/users/${friend.id}/followers` })).json().items).toEqual([]);
    expect(readdirSync(avatarDir)).toEqual([]);
    const again = await signUp(server, { username: user.username, email: user.email });
    expect(again.id).not.toBe(user.id);
  });
});

describe('avatar files left behind', () => {
  const upload = async (user: TestUser, seed: number) => user.call({ method: 'PUT', url: '/api/v1/me/avatar', ...multipartFile(await jpeg(300, 300, seed), 'me.jpg', 'image/jpeg') });
  /** Puts a folder where an avatar's small file is: the disk then refuses to remove it, as a read-only mount would. */
  function pinSmallFile(avatar: { urls: Record<string, string> }) {
    const small = join(server.dataDir, 'media', new URL(avatar.urls['150']!, 'http://x').pathname.replace(/^\/media\//, ''));
    rmSync(small);
    mkdirSync(small);
    writeFileSync(join(small, 'pinned'), '');
  }

  it('when the old avatar\'s files cannot be removed, then replacing or removing it still succeeds: the change is made and answered', async () => {
    const user = await signUp(server);
    const first = await upload(user, 1);
    expect(first.statusCode).toBe(200);
    pinSmallFile(first.json().avatar);
    const replaced = await upload(user, 2);
    expect(replaced.statusCode).toBe(200);
    expect((await user.call({ method: 'GET', url: '/api/v1/me' })).json().avatar).toEqual(replaced.json().avatar);

    pinSmallFile(replaced.json().avatar);
    const removed = await user.call({ method: 'DELETE', url: '/api/v1/me/avatar' });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().avatar).toBeNull();
  });
});
