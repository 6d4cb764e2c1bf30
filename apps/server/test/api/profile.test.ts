import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../factories/multipart.js';
import { pngClaiming } from '../factories/photos.js';
import { expectProblem, signUp, type TestUser } from '../factories/users.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ PICTOR_LIMIT_SIGNUP_ADDRESS: '1000/60' });
});
afterAll(() => server.close());

const patch = (user: TestUser, payload: object) => user.call({ method: 'PATCH', url: '/api/v1/me', payload });
const upload = (user: TestUser, bytes: Buffer, name = 'me.jpg', type = 'image/jpeg') =>
  user.call({ method: 'PUT', url: '/api/v1/me/avatar', ...multipartFile(bytes, name, type) });

/** A JPEG carrying camera details and a GPS position, as phones write them. */
async function jpegWithGps(width = 800, height = 600): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#aa5533' } })
    .withExif({
      IFD0: { Make: 'SpyCam', Model: 'Tracker 3000', Copyright: 'Secret Owner' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 2604/100', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 3966/100' },
    })
    .jpeg()
    .toBuffer();
}

describe('profile editing', () => {
  it('when the profile is edited, then the fields change and the public profile shows them', async () => {
    const user = await signUp(server);
    const res = await patch(user, { displayName: '  Ana  Maria ', bio: 'first line\r\nsecond line\n\n\n\nthird', website: 'ana.example.com/path', isPrivate: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ displayName: 'Ana  Maria', bio: 'first line\nsecond line\n\nthird', website: 'https://ana.example.com/path', isPrivate: true });
    const profile = (await server.inject({ method: 'GET', url: `/api/v1/users/${user.username}` })).json();
    expect(profile).toMatchObject({ displayName: 'Ana  Maria', website: 'https://ana.example.com/path', isPrivate: true });
    expect((await patch(user, { website: '' })).json().website).toBe('');
  });

  it('when unknown fields such as role or followers_count are sent, then nothing changes', async () => {
    const user = await signUp(server);
    const before = (await user.call({ method: 'GET', url: '/api/v1/me' })).json();
    const res = await patch(user, { role: 'admin', followers_count: 1_000_000, counts: { followers: 5 }, username: 'hijack', email: 'hijack@example.com', id: '1', isAdmin: true, verified: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(before);
    const row = server.pictor.db.prepare('SELECT * FROM users WHERE id = ?').get(BigInt(user.id)) as Record<string, unknown>;
    expect(row.username).toBe(user.username);
    expect(Object.keys(row)).not.toContain('role');
  });

  it('when the website is not an http(s) address, then 422 invalid_website names the field', async () => {
    const user = await signUp(server);
    for (const website of ['javascript:alert(1)', 'ftp://files.example.com', 'data:text/html,hi', 'http://localhost', 'https://user:pw@example.com', 'not a url at all', 'http://']) {
      const res = await patch(user, { website });
      expect(expectProblem(res, 422, 'invalid_website').fields?.[0]?.field, website).toBe('website');
    }
    expect((await user.call({ method: 'GET', url: '/api/v1/me' })).json().website).toBe('');
  });

  it('when text is too long or the wrong type, then 400 names the field; at the limit it is fine', async () => {
    const user = await signUp(server);
    expect((await patch(user, { bio: '😀'.repeat(150) })).statusCode).toBe(200);
    for (const [payload, field] of [[{ bio: 'b'.repeat(151) }, 'bio'], [{ displayName: 'd'.repeat(65) }, 'displayName'], [{ website: `https://${'w'.repeat(200)}.com` }, 'website'], [{ isPrivate: 'yes' }, 'isPrivate'], [{ bio: 42 }, 'bio'], [{ displayName: null }, 'displayName']] as const) {
      const problem = expectProblem(await patch(user, payload), 400, 'validation_failed');
      expect(problem.fields?.map((f) => f.field)).toContain(field);
    }
  });

  it('when text hides bidi overrides or zero-width characters, then 422, while emoji sequences are fine', async () => {
    const user = await signUp(server);
    expectProblem(await patch(user, { bio: 'see my site \u202Eexe.gnp' }), 422, 'invalid_text');
    expectProblem(await patch(user, { displayName: 'Ana\u200B' }), 422, 'invalid_text');
    expectProblem(await patch(user, { displayName: '\u3164' }), 422, 'invalid_text');
    expect((await patch(user, { bio: 'coding 👩‍💻 with pride 🏳️‍🌈' })).json().bio).toBe('coding 👩‍💻 with pride 🏳️‍🌈');
  });

  it('when the body is malformed, then 400 malformed_json', async () => {
    const user = await signUp(server);
    const res = await user.call({ method: 'PATCH', url: '/api/v1/me', payload: '{"bio": ', headers: { 'content-type': 'application/json' } });
    expectProblem(res, 400, 'malformed_json');
  });
});

describe('avatars', () => {
  it('when a photo with GPS EXIF is uploaded, then square resized variants are served with no metadata at all', async () => {
    const user = await signUp(server);
    const original = await jpegWithGps();
    const originalMeta = await sharp(original).metadata();
    expect(originalMeta.exif?.includes(Buffer.from('SpyCam'))).toBe(true);

    const res = await upload(user, original);
    expect(res.statusCode, res.body).toBe(200);
    const avatar = res.json().avatar;
    expect(Object.keys(avatar.urls).sort()).toEqual(['150', '320']);
    expect(avatar.color).toMatch(/^#[0-9a-f]{6}$/);
    for (const [size, url] of Object.entries(avatar.urls as Record<string, string>)) {
      const served = await server.inject({ method: 'GET', url });
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe('image/webp');
      expect(served.headers['x-content-type-options']).toBe('nosniff');
      const meta = await sharp(served.rawPayload).metadata();
      expect([meta.width, meta.height]).toEqual([Number(size), Number(size)]);
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      for (const secret of ['SpyCam', 'Tracker', 'Secret Owner', 'GPS', 'Exif']) expect(served.rawPayload.includes(Buffer.from(secret)), secret).toBe(false);
    }
    const profile = (await server.inject({ method: 'GET', url: `/api/v1/users/${user.username}` })).json();
    expect(profile.avatar.urls).toEqual(avatar.urls);
  });

  it('when a new avatar replaces the old, or it is removed, then the old files are deleted', async () => {
    const user = await signUp(server);
    const first = (await upload(user, await jpegWithGps(300, 300))).json().avatar;
    const second = (await upload(user, await sharp({ create: { width: 200, height: 400, channels: 3, background: '#00ff00' } }).png().toBuffer(), 'b.png', 'image/png')).json().avatar;
    expect(second.url).not.toBe(first.url);
    expect((await server.inject({ method: 'GET', url: first.url })).statusCode).toBe(404);
    expect((await server.inject({ method: 'GET', url: second.url })).statusCode).toBe(200);
    const removed = await user.call({ method: 'DELETE', url: '/api/v1/me/avatar' });
    expect(removed.json().avatar).toBeNull();
    expect((await server.inject({ method: 'GET', url: second.url })).statusCode).toBe(404);
    expect(existsSync(join(server.dataDir, 'media', second.urls['150'].replace(/^\/media\//, '')))).toBe(false);
  });

  it('when two avatars are uploaded at once, then only the one that stays has files left', async () => {
    const user = await signUp(server);
    await upload(user, await jpegWithGps(300, 300));
    const colours = ['#ff0000', '#0000ff'];
    const both = await Promise.all(colours.map(async (background) =>
      upload(user, await sharp({ create: { width: 240, height: 240, channels: 3, background } }).png().toBuffer(), 'c.png', 'image/png')));
    for (const res of both) expect(res.statusCode).toBe(200);
    const kept = (await user.call({ method: 'GET', url: '/api/v1/me' })).json().avatar;
    const files = readdirSync(join(server.dataDir, 'media', 'avatars', user.id)).sort();
    expect(files).toEqual(Object.values(kept.urls as Record<string, string>).map((url) => url.split('/').pop()).sort());
  });

  it('when the file is not an image, whatever its name or declared type, then 415 and nothing is stored', async () => {
    const user = await signUp(server);
    const files: [Buffer, string, string][] = [
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'x.svg', 'image/svg+xml'],
      [Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'), 'x.jpg', 'image/jpeg'],
      [Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), 'x.png', 'image/png'],
      [await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } }).tiff().toBuffer(), 'x.tiff', 'image/tiff'],
      [Buffer.alloc(0), 'empty.jpg', 'image/jpeg'],
    ];
    for (const [bytes, name, type] of files) expectProblem(await upload(user, bytes, name, type), 415, 'unsupported_media_type');
    expect((await user.call({ method: 'GET', url: '/api/v1/me' })).json().avatar).toBeNull();
    expect(existsSync(join(server.dataDir, 'media', 'avatars', user.id))).toBe(false);
  });

  it('when the header claims huge pixel dimensions, then 422 at once, without decoding', async () => {
    const user = await signUp(server);
    const started = Date.now();
    const problem = expectProblem(await upload(user, await pngClaiming(20_000, 20_000), 'bomb.png', 'image/png'), 422, 'image_too_large');
    expect(problem.detail).toContain('20000×20000');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('when the image is damaged after a valid signature, then 422 image_unreadable', async () => {
    const user = await signUp(server);
    const jpeg = await jpegWithGps(64, 64);
    const damaged = Buffer.concat([jpeg.subarray(0, 200), Buffer.alloc(300, 0x41)]);
    expectProblem(await upload(user, damaged), 422);
  });

  it('when the upload has no file, or is not multipart, then a 4xx problem', async () => {
    const user = await signUp(server);
    const boundary = 'xyz';
    const noFile = await user.call({ method: 'PUT', url: '/api/v1/me/avatar', payload: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expectProblem(noFile, 400, 'file_missing');
    const json = await user.call({ method: 'PUT', url: '/api/v1/me/avatar', payload: { file: 'x' } });
    expect(json.statusCode).toBeGreaterThanOrEqual(400);
    expect(json.statusCode).toBeLessThan(500);
    expectProblem(json, json.statusCode);
    expectProblem(await server.inject({ method: 'PUT', url: '/api/v1/me/avatar', ...multipartFile(await jpegWithGps(10, 10), 'a.jpg', 'image/jpeg') }), 401);
  });
});
