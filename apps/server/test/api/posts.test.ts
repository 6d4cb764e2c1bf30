import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpeg, phoneJpeg, png, postForm } from '../factories/photos.js';
import { expectProblem, signUp, type TestUser } from '../factories/users.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
let ana: TestUser;
let ben: TestUser;
beforeAll(async () => {
  server = await startTestServer({ PICTOR_LIMIT_SIGNUP_ADDRESS: '1000/60', PICTOR_LIMIT_WRITES_USER: '10000/60' });
  ana = await signUp(server);
  ben = await signUp(server);
});
afterAll(() => server.close());

const publish = (user: TestUser, form: ReturnType<typeof postForm>, headers: Record<string, string> = {}) =>
  user.call({ method: 'POST', url: '/api/v1/posts', payload: form.payload, headers: { ...form.headers, ...headers } });
const mediaPath = (url: string) => new URL(url, 'http://x').pathname;
const fetchMedia = (url: string, headers: Record<string, string> = {}) => server.inject({ method: 'GET', url: mediaPath(url), headers });

describe('publishing a post', () => {
  it('when two photos come with a caption, alt text, location and tags, then the seed 001 answer and every variant are there', async () => {
    const form = postForm([{ bytes: await jpeg(1600, 1200, 11) }, { bytes: await png(900, 900, 12), type: 'image/png' }], [
      ['caption', 'Sunset with @Ben #Sunset #beach'], ['alt', 'Waves at dusk'], ['alt', 'A gull'],
      ['location', JSON.stringify({ lat: 37.7749, lon: -122.4194, name: 'Ocean Beach' })], ['tags', '#sunset'], ['tags', 'beach'], ['crop', '4:5'],
    ]);
    const res = await publish(ana, form);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.postId).toMatch(/^[0-9]+$/);
    expect(body.imageUrls).toHaveLength(2);
    expect(body.post).toMatchObject({ caption: 'Sunset with @Ben #Sunset #beach', hashtags: ['sunset', 'beach'], mentions: ['ben'], tags: ['sunset', 'beach'], crop: '4:5', location: { name: 'Ocean Beach' } });
    const [first, second] = body.post.photos;
    expect(first).toMatchObject({ alt: 'Waves at dusk', filter: 'normal', width: 960, height: 1200 });
    expect(first.variants.thumb).toMatchObject({ width: 150, height: 150 });
    expect(first.variants.feed).toMatchObject({ width: 640, height: 800 });
    expect(first.variants.full).toMatchObject({ width: 960, height: 1200 });
    expect(first.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(Buffer.from(first.placeholder, 'base64').length).toBeGreaterThan(5);
    // The first photo's crop applies to all: the square PNG is cut to 4:5 too.
    expect(second.variants.full.width / second.variants.full.height).toBeCloseTo(0.8, 2);
    const served = await fetchMedia(body.imageUrls[0]);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.headers['cache-control']).toContain('immutable');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    const webp = await fetchMedia(first.variants.feed.webp);
    expect(webp.headers['content-type']).toBe('image/webp');
    const ranged = await fetchMedia(body.imageUrls[0], { range: 'bytes=0-99' });
    expect(ranged.statusCode).toBe(206);
    expect(ranged.rawPayload.length).toBe(100);
    expect((await fetchMedia(body.imageUrls[0], { 'if-none-match': String(served.headers.etag) })).statusCode).toBe(304);
  });

  it('when a phone photo carries GPS and an EXIF rotation, then served files are upright and carry no metadata', async () => {
    const original = await phoneJpeg(800, 600, 21);
    const res = await publish(ana, postForm([{ bytes: original }], [['crop', '4:5']]));
    expect(res.statusCode).toBe(201);
    const photo = res.json().post.photos[0];
    for (const variant of Object.values(photo.variants) as { webp: string; jpeg: string }[]) {
      for (const url of [variant.webp, variant.jpeg]) {
        const bytes = (await fetchMedia(url)).rawPayload;
        const meta = await sharp(bytes).metadata();
        expect(meta.exif).toBeUndefined();
        expect(meta.orientation ?? 1).toBe(1);
        expect(bytes.includes(Buffer.from('PictorPhone'))).toBe(false);
      }
    }
    // The owner can still fetch the untouched original; nobody else can.
    const own = await ana.call({ method: 'GET', url: `/api/v1/posts/${res.json().postId}/photos/0/original` });
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(original)).toBe(true);
    expectProblem(await ben.call({ method: 'GET', url: `/api/v1/posts/${res.json().postId}/photos/0/original` }), 403, 'not_post_owner');
  });

  it('when a photo asks for black-and-white, then the served pixels are grey', async () => {
    const res = await publish(ana, postForm([{ bytes: await jpeg(600, 600, 31) }, { bytes: await jpeg(600, 600, 32) }], [['filter', 'mono'], ['filter', 'tint']]));
    expect(res.statusCode).toBe(201);
    const [mono, tinted] = res.json().post.photos;
    const stats = await sharp((await fetchMedia(mono.variants.feed.jpeg)).rawPayload).stats();
    const [r, g, b] = stats.channels.map((c) => c.mean);
    expect(Math.abs(r! - g!) + Math.abs(g! - b!)).toBeLessThan(3);
    expect(tinted.filter).toBe('tint');
  });

  it('when a filter or crop is unknown, then 400 names the field', async () => {
    expectProblem(await publish(ana, postForm([{ bytes: await jpeg() }], [['filter', 'sepia-deluxe']])), 400, 'validation_failed');
    expectProblem(await publish(ana, postForm([{ bytes: await jpeg() }], [['crop', '16:9']])), 400, 'validation_failed');
    expectProblem(await publish(ana, postForm([{ bytes: await jpeg() }], [['location', '{"lat": 200, "lon": 0}']])), 400, 'validation_failed');
  });

  it('when a location is only a place name, then it is stored trimmed, without coordinates, and read back', async () => {
    const res = await publish(ana, postForm([{ bytes: await jpeg(300, 300, 13) }], [['location', JSON.stringify({ name: '  Café Émile, Lyon  ' })]]));
    expect(res.statusCode).toBe(201);
    expect(res.json().post.location).toEqual({ name: 'Café Émile, Lyon' });
    const read = (await ben.call({ method: 'GET', url: `/api/v1/posts/${res.json().postId}` })).json();
    expect(read.location).toEqual({ name: 'Café Émile, Lyon' });
    const nulls = await publish(ana, postForm([{ bytes: await jpeg(300, 300, 14) }], [['location', '{"lat": null, "lon": null, "name": "Pier 39"}']]));
    expect(nulls.json().post.location).toEqual({ name: 'Pier 39' });
    const pinned = await publish(ana, postForm([{ bytes: await jpeg(300, 300, 15) }], [['location', '{"lat": 0, "lon": 0, "name": "Null Island"}']]));
    expect(pinned.json().post.location).toEqual({ lat: 0, lon: 0, name: 'Null Island' });
  });

  it('when location and tags come as application/json parts, then they are read as the same text fields', async () => {
    const res = await publish(ana, postForm([{ bytes: await jpeg(300, 300, 16) }], [
      ['location', '{"lat": 48.85, "lon": 2.35, "name": "Paris"}', 'application/json'], ['tags', '["seine", "#bridge"]', 'application/json'],
    ]));
    expect(res.statusCode).toBe(201);
    expect(res.json().post).toMatchObject({ location: { lat: 48.85, lon: 2.35, name: 'Paris' }, tags: ['seine', 'bridge'] });
  });

  it('when a location lacks a name, has one coordinate only, or a name too long or hiding characters, then 400 names the field and nothing is posted', async () => {
    const before = (await ana.call({ method: 'GET', url: '/api/v1/me' })).json().counts.posts;
    const cases: [unknown, string][] = [
      [{ lat: 10, lon: 10 }, 'location.name'], [{ name: '   ' }, 'location.name'], [{ name: 'x'.repeat(201) }, 'location.name'],
      [{ name: 'Evil\u202Egnp' }, 'location.name'], [{ name: 42 }, 'location.name'],
      [{ lat: 10, name: 'Half' }, 'location.lon'], [{ lon: 10, name: 'Half' }, 'location.lat'],
      [{ lat: '10', lon: 10, name: 'Text' }, 'location.lat'], [{ lat: 10, lon: 181, name: 'Far' }, 'location.lon'],
      [['Ocean Beach'], 'location'], ['Ocean Beach', 'location'],
    ];
    for (const [location, field] of cases) {
      const raw = typeof location === 'string' ? location : JSON.stringify(location);
      const problem = expectProblem(await publish(ana, postForm([{ bytes: await jpeg() }], [['location', raw]])), 400, 'validation_failed');
      expect(problem.fields?.[0]?.field, raw).toBe(field);
    }
    expect((await publish(ana, postForm([{ bytes: await jpeg(300, 300, 16) }], [['location', JSON.stringify({ name: 'é'.repeat(200) })]]))).statusCode).toBe(201);
    expect((await ana.call({ method: 'GET', url: '/api/v1/me' })).json().counts.posts).toBe(before + 1);
  });

  it('when publishing succeeds, then posts.created is in the outbox in the same transaction', async () => {
    const res = await publish(ana, postForm([{ bytes: await jpeg(400, 400, 41) }], [['caption', '#outbox']]));
    const row = server.pictor.db.prepare("SELECT payload FROM outbox WHERE type = 'posts.created' ORDER BY seq DESC LIMIT 1").get() as { payload: string };
    expect(JSON.parse(row.payload)).toMatchObject({ postId: res.json().postId, ownerId: ana.id, hashtags: ['outbox'] });
  });

  it('when the same Idempotency-Key is sent twice, then the second answer is the first post, not a new one', async () => {
    const form = postForm([{ bytes: await jpeg(500, 500, 51) }], [['caption', 'once']]);
    const first = await publish(ben, form, { 'idempotency-key': 'retry-123' });
    const second = await publish(ben, form, { 'idempotency-key': 'retry-123' });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.json().postId).toBe(first.json().postId);
    const page = await server.inject({ method: 'GET', url: `/api/v1/users/${ben.id}/posts` });
    expect(page.json().items.filter((p: { caption: string }) => p.caption === 'once')).toHaveLength(1);
  });

  it('when two retries with one Idempotency-Key race each other, then both answer the same single post and no stray files stay', async () => {
    const racer = await signUp(server);
    const form = postForm([{ bytes: await jpeg(700, 700, 55) }]);
    const [a, b] = await Promise.all([publish(racer, form, { 'idempotency-key': 'race' }), publish(racer, form, { 'idempotency-key': 'race' })]);
    expect(a.json().postId).toBe(b.json().postId);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect((await server.inject({ method: 'GET', url: `/api/v1/users/${racer.id}/posts` })).json().items).toHaveLength(1);
    const dir = join(server.dataDir, 'media', 'photos', racer.id);
    expect(readdirSync(dir).filter((entry) => readdirSync(join(dir, entry)).length > 0)).toEqual([a.json().postId]);
  });

  it('when the same photo is uploaded again, exactly or re-encoded, then the earlier post is named', async () => {
    const bytes = await jpeg(900, 900, 61);
    const first = (await publish(ben, postForm([{ bytes }]))).json();
    const again = (await publish(ben, postForm([{ bytes }]))).json();
    expect(again.duplicates).toEqual([{ photoIndex: 0, postId: first.postId, kind: 'exact' }]);
    const reencoded = await sharp(bytes).resize(700).jpeg({ quality: 70 }).toBuffer();
    const similar = (await publish(ben, postForm([{ bytes: await jpeg(900, 900, 62) }, { bytes: reencoded }]))).json();
    expect(similar.duplicates).toEqual([{ photoIndex: 1, postId: again.postId, kind: 'similar' }]);
  });
});

describe('changing and removing a post', () => {
  it('when the owner edits caption and alt text and switches comments off, then the post says so; anyone else gets 403', async () => {
    const { postId } = (await publish(ana, postForm([{ bytes: await jpeg(400, 400, 71) }], [['caption', 'old']]))).json();
    const res = await ana.call({ method: 'PATCH', url: `/api/v1/posts/${postId}`, payload: { caption: 'new #fresh', alts: ['A red door'], commentsDisabled: true, hideLikeCount: true } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ caption: 'new #fresh', hashtags: ['fresh'], commentsDisabled: true, hideLikeCount: true });
    expect(res.json().photos[0].alt).toBe('A red door');
    expectProblem(await ben.call({ method: 'PATCH', url: `/api/v1/posts/${postId}`, payload: { caption: 'mine now' } }), 403, 'not_post_owner');
    expectProblem(await ben.call({ method: 'DELETE', url: `/api/v1/posts/${postId}` }), 403, 'not_post_owner');
  });

  it('when the owner deletes a post, then it and every one of its files are gone', async () => {
    const created = (await publish(ana, postForm([{ bytes: await jpeg(400, 400, 81) }, { bytes: await jpeg(400, 400, 82) }]))).json();
    const urls = created.post.photos.flatMap((p: { variants: Record<string, { webp: string; jpeg: string }> }) => Object.values(p.variants).flatMap((v) => [v.webp, v.jpeg]));
    expect((await ana.call({ method: 'DELETE', url: `/api/v1/posts/${created.postId}` })).statusCode).toBe(204);
    expectProblem(await server.inject({ method: 'GET', url: `/api/v1/posts/${created.postId}` }), 404, 'not_found');
    // The files go through the outbox after the row (posts.deleted names them).
    await server.pictor.drain();
    for (const url of urls) {
      expect((await fetchMedia(url)).statusCode).toBe(404);
      expect(existsSync(join(server.dataDir, 'media', mediaPath(url).slice('/media/'.length)))).toBe(false);
    }
    const originals = join(server.dataDir, 'media', 'originals', ana.id, created.postId);
    expect(existsSync(originals) ? readdirSync(originals) : []).toEqual([]);
  });

  it('when a post is deleted, then its posts.deleted event names every file, so the worker can remove them after any crash', async () => {
    const created = (await publish(ana, postForm([{ bytes: await jpeg(300, 300, 83) }]))).json();
    expect((await ana.call({ method: 'DELETE', url: `/api/v1/posts/${created.postId}` })).statusCode).toBe(204);
    const row = server.pictor.db.prepare("SELECT payload FROM outbox WHERE type = 'posts.deleted' ORDER BY seq DESC LIMIT 1").get() as { payload: string };
    const { postId, files } = JSON.parse(row.payload) as { postId: string; files: string[] };
    expect(postId).toBe(created.postId);
    expect(files).toContain(mediaPath(created.imageUrls[0]).slice('/media/'.length));
    expect(files.filter((key) => key.startsWith(`originals/${ana.id}/${created.postId}/`))).toHaveLength(1);
  });
});

describe('account deletion', () => {
  it('when an account is deleted, then its posts and their files go with it', async () => {
    const gone = await signUp(server);
    const { postId } = (await publish(gone, postForm([{ bytes: await jpeg(300, 300, 121) }]))).json();
    const res = await gone.call({ method: 'DELETE', url: '/api/v1/me', payload: { password: gone.password } });
    expect(res.statusCode).toBe(204);
    await server.pictor.drain();
    expectProblem(await server.inject({ method: 'GET', url: `/api/v1/posts/${postId}` }), 404, 'not_found');
    const dir = join(server.dataDir, 'media', 'photos', gone.id, postId);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });
});

describe('profile pages and the archive', () => {
  it('when a profile has more posts than a page, then pages run newest first without repeats', async () => {
    const carla = await signUp(server);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await publish(carla, postForm([{ bytes: await jpeg(300, 300, 90 + i) }]))).json().postId);
    const first = (await server.inject({ method: 'GET', url: `/api/v1/users/${carla.id}/posts?limit=2` })).json();
    expect(first.items.map((p: { id: string }) => p.id)).toEqual([ids[2], ids[1]]);
    const second = (await server.inject({ method: 'GET', url: `/api/v1/users/${carla.id}/posts?limit=2&cursor=${first.nextCursor}` })).json();
    expect(second.items.map((p: { id: string }) => p.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();
    expectProblem(await server.inject({ method: 'GET', url: `/api/v1/users/${carla.id}/posts?cursor=nonsense` }), 400, 'invalid_cursor');
  });

  it('when a post is archived, then only its owner sees it, and unarchiving brings it back', async () => {
    const dana = await signUp(server);
    const { postId } = (await publish(dana, postForm([{ bytes: await jpeg(300, 300, 101) }]))).json();
    expect((await dana.call({ method: 'POST', url: `/api/v1/posts/${postId}/archive` })).json().archived).toBe(true);
    const profile = (viewer?: TestUser) => (viewer ? viewer.call({ method: 'GET', url: `/api/v1/users/${dana.id}/posts` }) : server.inject({ method: 'GET', url: `/api/v1/users/${dana.id}/posts` }));
    expect((await profile(ben)).json().items).toEqual([]);
    expect((await profile()).json().items).toEqual([]);
    expect((await profile(dana)).json().items).toEqual([]);
    expectProblem(await ben.call({ method: 'GET', url: `/api/v1/posts/${postId}` }), 404, 'not_found');
    expect((await dana.call({ method: 'GET', url: `/api/v1/posts/${postId}` })).statusCode).toBe(200);
    expect((await dana.call({ method: 'GET', url: '/api/v1/me/archive' })).json().items.map((p: { id: string }) => p.id)).toEqual([postId]);
    expect((await dana.call({ method: 'GET', url: '/api/v1/me' })).json().counts.posts).toBe(0);
    await dana.call({ method: 'DELETE', url: `/api/v1/posts/${postId}/archive` });
    expect((await profile(ben)).json().items.map((p: { id: string }) => p.id)).toEqual([postId]);
    expect((await dana.call({ method: 'GET', url: '/api/v1/me' })).json().counts.posts).toBe(1);
  });

  it('when either side blocks the other, then the profile and its posts are not found for both, public or private', async () => {
    const [fay, gus] = [await signUp(server), await signUp(server)];
    const { postId } = (await publish(fay, postForm([{ bytes: await jpeg(300, 300, 112) }]))).json();
    expect((await fay.call({ method: 'POST', url: `/api/v1/users/${gus.id}/block` })).statusCode).toBe(200);
    for (const [viewer, owner] of [[gus, fay], [fay, gus]] as const) {
      expectProblem(await viewer.call({ method: 'GET', url: `/api/v1/users/${owner.id}/posts` }), 404, 'not_found');
    }
    expectProblem(await gus.call({ method: 'GET', url: `/api/v1/posts/${postId}` }), 404, 'not_found');
    await fay.call({ method: 'PATCH', url: '/api/v1/me', payload: { isPrivate: true } });
    expectProblem(await gus.call({ method: 'GET', url: `/api/v1/users/${fay.id}/posts` }), 404, 'not_found');
    expect((await fay.call({ method: 'GET', url: `/api/v1/users/${fay.id}/posts` })).json().items.map((p: { id: string }) => p.id)).toEqual([postId]);
  });

  it('when an account is private, then a stranger sees neither its posts nor a single post, and a follower sees both', async () => {
    const erin = await signUp(server);
    await erin.call({ method: 'PATCH', url: '/api/v1/me', payload: { isPrivate: true } });
    const { postId } = (await publish(erin, postForm([{ bytes: await jpeg(300, 300, 111) }]))).json();
    expectProblem(await ben.call({ method: 'GET', url: `/api/v1/users/${erin.id}/posts` }), 403, 'private_account');
    expectProblem(await ben.call({ method: 'GET', url: `/api/v1/posts/${postId}` }), 404, 'not_found');
    await ben.call({ method: 'POST', url: `/api/v1/users/${erin.id}/follow` });
    await erin.call({ method: 'POST', url: `/api/v1/me/follow-requests/${ben.id}/approve` });
    expect((await ben.call({ method: 'GET', url: `/api/v1/posts/${postId}` })).statusCode).toBe(200);
    expect((await ben.call({ method: 'GET', url: `/api/v1/users/${erin.id}/posts` })).json().items).toHaveLength(1);
  });
});
