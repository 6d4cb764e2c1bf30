import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { jpeg, postForm } from '../factories/photos.js';
import { publishPost } from '../factories/posts.js';
import { expectProblem, GOOD_PASSWORD, signUp, type TestUser } from '../factories/users.js';
import { startTestServer, type TestServer } from '../support/harness.js';

/**
 * Requests a careless or hostile client can send, across every route family: each must answer
 * a 4xx problem+json with a stable code (never a 500), act only on the caller's own objects,
 * and leave nothing half-written.
 */
let server: TestServer;
let ana: TestUser;
let ben: TestUser;
let anaPost: string;
let benPost: string;
beforeAll(async () => {
  server = await startTestServer({ PICTOR_LIMIT_SIGNUP_ADDRESS: '1000/60', PICTOR_LIMIT_WRITES_USER: '100000/60', PICTOR_LIMIT_SEARCH_USER: '100000/60' });
  [ana, ben] = [await signUp(server), await signUp(server)];
  [anaPost, benPost] = [await publishPost(ana), await publishPost(ben)];
});
afterAll(() => server.close());

/** A client error the way the README promises it: 4xx, problem+json, a code to branch on. */
function expectClientError(res: LightMyRequestResponse, label = '') {
  expect(res.statusCode, `${label} ${res.body}`).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, `${label} ${res.body}`).toBeLessThan(500);
  return expectProblem(res, res.statusCode).code;
}

const ABOVE_64_BITS = '9223372036854775808'; // 2^63: the first decimal that is not a signed 64-bit id
const NOT_IDS = [ABOVE_64_BITS, '99999999999999999999999', '-1', '1e5', '0x10', '007', 'abc', '%E2%80%AE', encodeURIComponent('😀')];
const BAD_PAGING = ['limit=-1', 'limit=NaN', 'limit=1e400', 'limit=99999999999999999999', 'limit=1.5', 'cursor=%25%25', `cursor=${'A'.repeat(3000)}`,
  `cursor=${Buffer.from(`{"s":"${ABOVE_64_BITS}"}`).toString('base64url')}`, `cursor=${Buffer.from('{"s":-1}').toString('base64url')}`,
  `cursor=${Buffer.from('null').toString('base64url')}`, `cursor=${Buffer.from('[1]').toString('base64url')}`];
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('sign-up and sign-in', () => {
  it('when the body is empty, not an object, not JSON or of the wrong content type, then a 4xx problem', async () => {
    for (const url of ['/api/v1/auth/signup', '/api/v1/auth/login']) {
      for (const [payload, type] of [['', 'application/json'], ['null', 'application/json'], ['[]', 'application/json'], ['{', 'application/json'],
        ['username=a&password=b', 'application/x-www-form-urlencoded'], ['{"username":"a","password":"b"}', 'text/plain'], ['{"username":1,"password":true}', 'application/json']]) {
        expectClientError(await server.inject({ method: 'POST', url, payload, headers: { 'content-type': type! } }), `${url} ${type} ${payload}`);
      }
    }
  });

  it('when names, emails or passwords carry NULs, lone surrogates or look-alike letters, then 4xx and no account', async () => {
    const before = Number(server.pictor.db.prepare('SELECT count(*) FROM users').pluck().get());
    const bodies = [
      { username: 'a\u0000b', email: 'nul@example.com', password: GOOD_PASSWORD },
      { username: 'ＡＤＭＩＮ', email: 'wide@example.com', password: GOOD_PASSWORD },
      { username: ana.username.toUpperCase(), email: 'dupe@example.com', password: GOOD_PASSWORD },
      { username: 'fresh_one_x', email: ben.email.toUpperCase(), password: GOOD_PASSWORD },
      { username: 'fresh_two_x', email: 'not-an-email', password: GOOD_PASSWORD },
    ];
    for (const payload of bodies) expectClientError(await server.inject({ method: 'POST', url: '/api/v1/auth/signup', payload, remoteAddress: '10.9.9.9' }), payload.username);
    expect(Number(server.pictor.db.prepare('SELECT count(*) FROM users').pluck().get())).toBe(before);
    for (const payload of [{ username: '\u0000', password: 'x' }, { username: '😀', password: '\ud800' }, { username: 'x'.repeat(254), password: 'y'.repeat(256) }]) {
      expectProblem(await server.inject({ method: 'POST', url: '/api/v1/auth/login', payload, remoteAddress: '10.9.9.10' }), 401);
    }
  });

  it('when the Authorization header or session cookie is malformed, then 401, never another user', async () => {
    for (const authorization of ['Bearer', 'Bearer ', 'bearer x', 'Basic eDp5', 'Bearer a b', `Bearer ${'a'.repeat(20000)}`, `Bearer ${ana.token}x`]) {
      expectProblem(await server.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization } }), 401);
    }
    for (const cookie of ['pictor_session=', 'pictor_session=%', 'pictor_session=%E0%A4%A', `pictor_session=${'x'.repeat(5000)}`]) {
      expectProblem(await server.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } }), 401);
      expectProblem(await server.inject({ method: 'POST', url: `/api/v1/posts/${benPost}/like`, headers: { cookie } }), 401);
    }
  });
});

describe('users, profiles and search', () => {
  it('when a path id is out of range, signed, padded or not a number, then 404 on every user route', async () => {
    for (const id of NOT_IDS) {
      for (const [method, path] of [['GET', 'relationship'], ['GET', 'followers'], ['GET', 'posts'], ['GET', 'albums'], ['POST', 'follow'], ['POST', 'block'], ['POST', 'mute'], ['POST', 'restrict'], ['DELETE', 'follow']] as const) {
        expect(expectClientError(await ana.call({ method, url: `/api/v1/users/${id}/${path}` }), `${method} ${id} ${path}`)).toMatch(/not_found/);
      }
    }
    expectProblem(await ana.call({ method: 'GET', url: `/api/v1/users/${'a'.repeat(300)}` }), 404);
  });

  it('when search or paging parameters are hostile, then 400 with a code, never a 500', async () => {
    for (const query of [...BAD_PAGING, 'q=', `q=${'a'.repeat(5000)}`, 'q=%F0%F0%F0', 'q=%25_', 'q=a&q=b', 'q=%00']) {
      const search = await ana.call({ method: 'GET', url: `/api/v1/users/search?q=a&${query}` });
      if (search.statusCode !== 200) expectClientError(search, query);
      const list = await ana.call({ method: 'GET', url: `/api/v1/users/${ben.id}/followers?${query}` });
      if (list.statusCode !== 200) expectClientError(list, query);
    }
    expectProblem(await ana.call({ method: 'GET', url: `/api/v1/users/${ben.id}/followers?limit=-1` }), 400, 'validation_failed');
    expectProblem(await ana.call({ method: 'GET', url: `/api/v1/users/${ben.id}/followers?cursor=${b64({ s: ABOVE_64_BITS })}` }), 400, 'invalid_cursor');
  });

  it('when profile fields hold scripts, control characters or wrong types, then 4xx and the profile is unchanged', async () => {
    for (const payload of [{ website: 'javascript:alert(1)' }, { bio: '\u202eevil' }, { displayName: '\u0000' }, { isPrivate: 'yes' }, { bio: 5 }]) {
      expectClientError(await ana.call({ method: 'PATCH', url: '/api/v1/me', payload }), JSON.stringify(payload));
    }
    expect((await ana.call({ method: 'GET', url: '/api/v1/me' })).json()).toMatchObject({ isPrivate: false, bio: '' });
  });
});

describe('follow, block, mute and restrict', () => {
  it('when I approve, decline or remove someone who never asked or follows, then nothing changes for anyone', async () => {
    const cam = await signUp(server);
    for (const action of ['approve', 'decline']) {
      const res = await cam.call({ method: 'POST', url: `/api/v1/me/follow-requests/${ben.id}/${action}` });
      if (res.statusCode !== 200) expectClientError(res, action);
    }
    const removed = await cam.call({ method: 'DELETE', url: `/api/v1/me/followers/${ben.id}` });
    if (removed.statusCode >= 300) expectClientError(removed);
    const relation = (await ben.call({ method: 'GET', url: `/api/v1/users/${cam.id}/relationship` })).json();
    expect(relation).toMatchObject({ following: false, followedBy: false, requested: false });
  });

  it('when I follow, block, mute or restrict myself, then a 4xx with a code', async () => {
    for (const kind of ['follow', 'block', 'mute', 'restrict']) expectClientError(await ana.call({ method: 'POST', url: `/api/v1/users/${ana.id}/${kind}` }), kind);
  });
});

describe('posts', () => {
  it('when a post id is out of range or nonsense, then 404 on every post route', async () => {
    for (const id of NOT_IDS) {
      for (const [method, path] of [['GET', ''], ['PATCH', ''], ['DELETE', ''], ['POST', '/archive'], ['GET', '/photos/0/original'], ['POST', '/like'], ['POST', '/save'], ['GET', '/likes'], ['GET', '/comments'], ['GET', '/share']] as const) {
        const res = await ana.call({ method, url: `/api/v1/posts/${id}${path}`, ...(method === 'PATCH' ? { payload: { caption: 'x' } } : {}) });
        expectProblem(res, 404);
      }
    }
  });

  it('when JSON edits have wrong types, huge values or land on another user\'s post, then 4xx and the post is unchanged', async () => {
    for (const payload of [{ caption: 5 }, { commentsDisabled: 'true' }, { alts: 'x' }, { alts: Array(11).fill('x') }, { caption: 'x'.repeat(10001) }, { hideLikeCount: 1e308 }]) {
      expectClientError(await ana.call({ method: 'PATCH', url: `/api/v1/posts/${anaPost}`, payload }), JSON.stringify(payload).slice(0, 40));
    }
    expectProblem(await ben.call({ method: 'PATCH', url: `/api/v1/posts/${anaPost}`, payload: { caption: 'mine now' } }), 403);
    expectProblem(await ben.call({ method: 'DELETE', url: `/api/v1/posts/${anaPost}` }), 403);
    expectProblem(await ben.call({ method: 'POST', url: `/api/v1/posts/${anaPost}/archive` }), 403);
    expect((await ana.call({ method: 'GET', url: `/api/v1/posts/${anaPost}` })).json()).toMatchObject({ caption: 'a post', archived: false });
  });

  it('when a multipart form has no boundary, a boundary too long, or stops short, then a 4xx (malformed_multipart when cut short) and no post', async () => {
    const form = postForm([{ bytes: await jpeg(64, 64, 5) }], [['caption', 'cut short']]);
    const long = 'b'.repeat(300);
    const cases: [string, string | Buffer][] = [
      ['multipart/form-data', form.payload],
      ['multipart/form-data; boundary=', form.payload],
      ['multipart/form-data; boundary="a b"', 'x'],
      [`multipart/form-data; boundary=${long}`, `--${long}\r\nContent-Disposition: form-data; name="caption"\r\n\r\nx\r\n--${long}--\r\n`],
      [form.headers['content-type'], form.payload.subarray(0, form.payload.length - 200)],
      [form.headers['content-type'], form.payload.subarray(0, 120)],
      [form.headers['content-type'], 'garbage'],
    ];
    const posts = () => Number(server.pictor.db.prepare('SELECT count(*) FROM posts').pluck().get());
    const before = posts();
    for (const [type, payload] of cases) {
      expectClientError(await ana.call({ method: 'POST', url: '/api/v1/posts', payload, headers: { 'content-type': type } }), type);
      expectClientError(await ana.call({ method: 'PUT', url: '/api/v1/me/avatar', payload, headers: { 'content-type': type } }), type);
    }
    const cut = { payload: form.payload.subarray(0, form.payload.length - 200), headers: form.headers };
    expectProblem(await ana.call({ method: 'POST', url: '/api/v1/posts', ...cut }), 400, 'malformed_multipart');
    expectProblem(await ana.call({ method: 'PUT', url: '/api/v1/me/avatar', ...cut }), 400, 'malformed_multipart');
    expect(posts()).toBe(before);
  });

  it('when form fields are odd (prototype names, NULs, JSON of the wrong shape, files under text names), then 4xx and no post', async () => {
    const img = await jpeg(64, 64, 6);
    const forms = [
      postForm([{ bytes: img }], [['location', '{"name":{"a":1}}']]),
      postForm([{ bytes: img }], [['location', '{"name":"x","lat":"1","lon":"2"}']]),
      postForm([{ bytes: img }], [['location', '{"name":"x","lat":1e400,"lon":2}']]),
      postForm([{ bytes: img }], [['location', 'null']]),
      postForm([{ bytes: img }], [['__proto__', 'x']]),
      postForm([{ bytes: img, field: 'caption' }]),
      postForm([{ bytes: img }], [['caption', 'nul \u0000 and \u202e']]),
      postForm([{ bytes: Buffer.alloc(0) }]),
      postForm([{ bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), type: 'image/svg+xml', filename: '../../x.svg' }]),
    ];
    const before = Number(server.pictor.db.prepare('SELECT count(*) FROM posts').pluck().get());
    for (const form of forms) expectClientError(await ana.call({ method: 'POST', url: '/api/v1/posts', payload: form.payload, headers: form.headers }));
    expect(Number(server.pictor.db.prepare('SELECT count(*) FROM posts').pluck().get())).toBe(before);
  });

  it('when a form part declared application/json is not JSON, then 400 malformed_json and no post', async () => {
    const before = Number(server.pictor.db.prepare('SELECT count(*) FROM posts').pluck().get());
    const form = postForm([{ bytes: await jpeg(64, 64, 7) }], [['location', '{"name": "cut', 'application/json']]);
    expectProblem(await ana.call({ method: 'POST', url: '/api/v1/posts', payload: form.payload, headers: form.headers }), 400, 'malformed_json');
    expect(Number(server.pictor.db.prepare('SELECT count(*) FROM posts').pluck().get())).toBe(before);
  });

  it('when the body is JSON or any other type instead of multipart, then a 4xx problem', async () => {
    for (const type of ['application/json', 'text/plain', 'multipart/mixed; boundary=x', 'application/x-www-form-urlencoded']) {
      expectClientError(await ana.call({ method: 'POST', url: '/api/v1/posts', payload: '{"caption":"x"}', headers: { 'content-type': type } }), type);
    }
  });
});

describe('content types', () => {
  it('when a body comes in a type nothing here parses, then 415 names the type the route takes', async () => {
    const form = { payload: 'caption=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } };
    expect(expectProblem(await ana.call({ method: 'POST', url: '/api/v1/posts', ...form }), 415, 'unsupported_media_type').detail).toContain('multipart/form-data');
    expect(expectProblem(await ana.call({ method: 'PATCH', url: '/api/v1/me', ...form }), 415, 'unsupported_media_type').detail).toContain('application/json');
  });
});

describe('albums', () => {
  it('when album ids or bodies are hostile, or the post is someone else\'s, then 4xx and the album is untouched', async () => {
    const album = (await ana.call({ method: 'POST', url: '/api/v1/albums', payload: { name: 'Trips' } })).json().id as string;
    for (const payload of [{ name: 5 }, { name: '' }, { name: 'x'.repeat(301) }, {}, { name: ['a'] }]) {
      expectClientError(await ana.call({ method: 'POST', url: '/api/v1/albums', payload }), JSON.stringify(payload));
    }
    for (const id of NOT_IDS) {
      expectProblem(await ana.call({ method: 'GET', url: `/api/v1/albums/${id}` }), 404);
      expectProblem(await ana.call({ method: 'PUT', url: `/api/v1/albums/${album}/posts/${id}` }), 404);
      expectProblem(await ana.call({ method: 'PUT', url: `/api/v1/albums/${id}/posts/${anaPost}` }), 404);
    }
    expectProblem(await ana.call({ method: 'PUT', url: `/api/v1/albums/${album}/posts/${benPost}` }), 404);
    expect((await ana.call({ method: 'GET', url: `/api/v1/albums/${album}` })).json().album.postCount).toBe(0);
  });

  it('when an album is deleted while a post is being added to it, then the add answers 404 or lands first, never a 500', async () => {
    const album = (await ana.call({ method: 'POST', url: '/api/v1/albums', payload: { name: 'Racing' } })).json().id as string;
    const [removed, added] = await Promise.all([
      ana.call({ method: 'DELETE', url: `/api/v1/albums/${album}` }),
      ana.call({ method: 'PUT', url: `/api/v1/albums/${album}/posts/${anaPost}` }),
    ]);
    expect(removed.statusCode).toBe(204);
    if (added.statusCode !== 200) expectProblem(added, 404, 'not_found');
    expect(server.pictor.db.prepare('SELECT count(*) FROM album_posts WHERE album_id = ?').pluck().get(BigInt(album))).toBe(0n);
  });
});

describe('likes, comments and saves', () => {
  it('when I reply to a comment of another post, or delete a comment through another post\'s path, then 4xx and nothing changes', async () => {
    const onBen = (await ben.call({ method: 'POST', url: `/api/v1/posts/${benPost}/comments`, payload: { text: 'on ben' } })).json().id as string;
    expectClientError(await ana.call({ method: 'POST', url: `/api/v1/posts/${anaPost}/comments`, payload: { text: 'sneaky', replyTo: onBen } }));
    // ana owns anaPost, so she may delete any comment on it: naming ben's comment under her post must not reach it.
    expectProblem(await ana.call({ method: 'DELETE', url: `/api/v1/posts/${anaPost}/comments/${onBen}` }), 404);
    expectProblem(await ana.call({ method: 'DELETE', url: `/api/v1/posts/${benPost}/comments/${onBen}` }), 403);
    expectProblem(await ana.call({ method: 'POST', url: `/api/v1/posts/${anaPost}/comments/${onBen}/like` }), 404);
    expectProblem(await ana.call({ method: 'GET', url: `/api/v1/posts/${anaPost}/comments/${onBen}/replies` }), 404);
    const listed = (await ben.call({ method: 'GET', url: `/api/v1/posts/${benPost}/comments` })).json();
    expect(JSON.stringify(listed)).toContain(onBen);
  });

  it('when comment bodies have wrong types, ids above 2^63 or invisible characters, then 4xx and no comment', async () => {
    for (const payload of [{ text: 5 }, { text: '' }, { text: 'x', replyTo: ABOVE_64_BITS }, { text: 'x', replyTo: '-1' }, { text: 'x', mentionedUsers: 'ben' },
      { text: 'x', mentionedUsers: Array(21).fill('a') }, { text: '\u202e' }, { text: 'x'.repeat(2201) }]) {
      expectClientError(await ana.call({ method: 'POST', url: `/api/v1/posts/${benPost}/comments`, payload }), JSON.stringify(payload).slice(0, 40));
    }
    expect(server.pictor.db.prepare('SELECT count(*) FROM comments WHERE author_id = ?').pluck().get(BigInt(ana.id))).toBe(0n);
  });

  it('when comment ids in the path are nonsense, then 404 on every comment route', async () => {
    for (const id of NOT_IDS) {
      expectProblem(await ana.call({ method: 'DELETE', url: `/api/v1/posts/${benPost}/comments/${id}` }), 404);
      expectProblem(await ana.call({ method: 'POST', url: `/api/v1/posts/${benPost}/comments/${id}/like` }), 404);
      expectProblem(await ana.call({ method: 'GET', url: `/api/v1/posts/${benPost}/comments/${id}/replies` }), 404);
    }
  });

  it('when likes, comments and saves are paged with hostile limits or cursors, then 400 with a code', async () => {
    for (const query of BAD_PAGING) {
      for (const url of [`/api/v1/posts/${benPost}/likes`, `/api/v1/posts/${benPost}/comments`, '/api/v1/me/saved', '/api/v1/me/archive']) {
        const res = await ana.call({ method: 'GET', url: `${url}?${query}` });
        if (res.statusCode !== 200) expectClientError(res, `${url} ${query}`);
      }
    }
  });
});

describe('feed', () => {
  it('when the cursor is tampered with, taken from another listing or the mode is unknown, then 400 with a code', async () => {
    const followers = (await ana.call({ method: 'GET', url: `/api/v1/users/${ben.id}/followers` })).json();
    const foreign = [b64({ s: '1' }), b64({ s: ABOVE_64_BITS }), b64({ t: 'x', o: -1 }), b64({ __proto__: { s: '1' } }), 'not base64!', followers.nextCursor ?? b64({ s: ben.id })];
    for (const cursor of foreign) {
      for (const mode of ['following', 'ranked']) {
        const res = await ana.call({ method: 'GET', url: `/api/v1/feed?mode=${mode}&cursor=${encodeURIComponent(cursor)}` });
        if (res.statusCode !== 200) expectProblem(res, 400);
      }
    }
    for (const query of [...BAD_PAGING, 'mode=x', 'mode=', 'mode=RANKED', 'mode=ranked&mode=following', 'limit=51']) {
      const res = await ana.call({ method: 'GET', url: `/api/v1/feed?${query}` });
      if (res.statusCode !== 200) expectClientError(res, query);
    }
    expectProblem(await ana.call({ method: 'GET', url: '/api/v1/feed?mode=x' }), 400, 'validation_failed');
  });
});

describe('media URLs', () => {
  it('when a media path climbs out, names originals or carries bad escapes, then a 4xx problem and no file', async () => {
    // Dot segments are resolved before routing, so these leave /media altogether: never a file from outside.
    for (const url of ['/media/../../etc/passwd', '/media/%2e%2e/%2e%2e/etc/passwd']) {
      const res = await server.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBeLessThan(500);
      expect(res.body).not.toContain('root:');
    }
    for (const url of ['/media/..%2f..%2fetc%2fpasswd', '/media/originals/x/y.jpg', '/media/posts/%00.webp', `/media/${'a/'.repeat(500)}x.webp`, '/media/\\..\\x.webp']) {
      expectProblem(await server.inject({ method: 'GET', url }), 404, 'not_found');
    }
    expectProblem(await server.inject({ method: 'GET', url: '/media/%' }), 400, 'bad_url');
    expectProblem(await server.inject({ method: 'GET', url: '/api/v1/posts/%zz' }), 400, 'bad_url');
  });
});

describe('realtime', () => {
  async function upgradeStatus(headers: Record<string, string>) {
    const { port } = server.pictor.app.server.address() as AddressInfo;
    const socket = new WebSocket(`ws://127.0.0.1:${port}/api/v1/realtime`, { headers });
    const status = await new Promise<number>((resolve) => {
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('open', () => resolve(101));
    });
    if (status === 101) {
      socket.close();
      await new Promise((resolve) => socket.on('close', resolve));
    }
    return status;
  }

  it('when the token is unknown, malformed or sent in a cookie without our origin, then the upgrade is refused', async () => {
    for (const authorization of ['Bearer nope', 'Bearer', 'Basic eDp5', `Bearer ${ana.token}x`, `Bearer ${'a'.repeat(5000)}`]) {
      expect(await upgradeStatus({ authorization }), authorization.slice(0, 20)).toBe(401);
    }
    expect(await upgradeStatus({ cookie: 'pictor_session=nope' })).toBe(401);
    expect(await upgradeStatus({ cookie: `pictor_session=${ana.token}`, origin: 'null' })).toBe(403);
    expect(await upgradeStatus({ cookie: `pictor_session=${ana.token}`, origin: 'not a url' })).toBe(403);
    expect(await upgradeStatus({ authorization: `Bearer ${ana.token}` })).toBe(101);
  });
});
