import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { animatedGif, avif, jpeg, jpegClaiming, png, pngClaiming, postForm, webp } from '../factories/photos.js';
import { expectProblem, signUp, type TestUser } from '../factories/users.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
let user: TestUser;
beforeAll(async () => {
  server = await startTestServer({ PICTOR_LIMIT_SIGNUP_ADDRESS: '1000/60', PICTOR_LIMIT_WRITES_USER: '10000/60', PICTOR_MAX_UPLOAD_BYTES: String(3 * 1024 * 1024) });
  user = await signUp(server);
});
afterAll(() => server.close());

const publish = (form: ReturnType<typeof postForm>) =>
  user.call({ method: 'POST', url: '/api/v1/posts', payload: form.payload, headers: form.headers });
const filesUnder = (dir: string): string[] => {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
  } catch {
    return [];
  }
};
const mediaFiles = () => filesUnder(join(server.dataDir, 'media', 'photos')).concat(filesUnder(join(server.dataDir, 'media', 'originals')));
const postCount = () => Number(server.pictor.db.prepare('SELECT count(*) FROM posts').pluck().get());

describe('what phones produce is accepted', () => {
  it.each([
    ['PNG', () => png(300, 300, 1)],
    ['WebP', () => webp(300, 200, 2)],
    ['AVIF', () => avif(320, 240, 3)],
    // Made with Debian's heif-enc (libheif 1.15, x265): HEVC inside, as iPhones write it.
    ['HEIC with HEVC inside', async () => readFileSync(join(import.meta.dirname, '../fixtures/hevc-320x240.heic'))],
    ['an animated GIF (first frame)', () => animatedGif(200, 200)],
  ])('when the photo is %s, then the post is published with JPEG and WebP variants', async (_name, make) => {
    const res = await publish(postForm([{ bytes: await make(), filename: 'x.bin', type: 'application/octet-stream' }]));
    expect(res.statusCode).toBe(201);
    const full = res.json().post.photos[0].variants.full;
    const served = await server.inject({ method: 'GET', url: new URL(full.jpeg, 'http://x').pathname });
    expect((await sharp(served.rawPayload).metadata()).format).toBe('jpeg');
  });
});

describe('what is refused, and how', () => {
  it.each([
    ['SVG renamed .jpg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>')],
    ['HTML renamed .jpg', Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>')],
    ['a PDF', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF')],
    ['a zero-byte file', Buffer.alloc(0)],
  ])('when the upload is %s, then 415 and nothing is stored', async (_name, bytes) => {
    const before = mediaFiles().length;
    expectProblem(await publish(postForm([{ bytes, filename: 'photo.jpg', type: 'image/jpeg' }])), 415, 'unsupported_media_type');
    expect(mediaFiles()).toHaveLength(before);
  });

  it('when the upload is a TIFF, then 415', async () => {
    const tiff = await sharp(await png(20, 20, 4)).tiff().toBuffer();
    expectProblem(await publish(postForm([{ bytes: tiff }])), 415, 'unsupported_media_type');
  });

  it.each([
    ['a 20000×20000 PNG header', () => pngClaiming(20000, 20000)],
    ['a JPEG header claiming 30000×30000', () => jpegClaiming(30000, 30000)],
  ])('when %s arrives, then 422 within a second and the process does not balloon', async (_name, make) => {
    const bytes = await make();
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    expectProblem(await publish(postForm([{ bytes }])), 422, 'image_too_large');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
  });

  it('when a file is larger than the per-file limit, then 413', async () => {
    const noisy = await sharp({ create: { width: 1400, height: 1400, channels: 3, background: '#000000', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png({ compressionLevel: 0 }).toBuffer();
    expect(noisy.length).toBeGreaterThan(3 * 1024 * 1024);
    expectProblem(await publish(postForm([{ bytes: noisy }])), 413, 'file_too_large');
  });

  it('when an 11th photo is attached, then 4xx and no post', async () => {
    const bytes = await jpeg(64, 64, 5);
    const before = postCount();
    const res = await publish(postForm(Array.from({ length: 11 }, () => ({ bytes }))));
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(postCount()).toBe(before);
  });

  it('when no photo is attached, or the body is not multipart, then 4xx', async () => {
    expectProblem(await publish(postForm([], [['caption', 'nothing']])), 400, 'photos_missing');
    const json = await user.call({ method: 'POST', url: '/api/v1/posts', payload: { caption: 'x' } });
    expect(json.statusCode).toBeGreaterThanOrEqual(400);
    expect(json.statusCode).toBeLessThan(500);
  });

  it('when nobody is signed in, then 401', async () => {
    const form = postForm([{ bytes: await jpeg(64, 64, 6) }]);
    expectProblem(await server.inject({ method: 'POST', url: '/api/v1/posts', payload: form.payload, headers: form.headers }), 401);
  });
});

describe('a post is all or nothing', () => {
  it('when the third photo of three is damaged, then nothing is published and no file is left behind', async () => {
    const good = await jpeg(1200, 900, 7);
    const damaged = Buffer.from(good.subarray(0, Math.floor(good.length / 3)));
    const before = { posts: postCount(), files: mediaFiles().length };
    const res = await publish(postForm([{ bytes: good }, { bytes: await jpeg(800, 800, 8) }, { bytes: damaged }]));
    expectProblem(res, 422, 'image_unreadable');
    expect(postCount()).toBe(before.posts);
    expect(mediaFiles()).toHaveLength(before.files);
    const events = Number(server.pictor.db.prepare("SELECT count(*) FROM outbox WHERE type = 'posts.created'").pluck().get());
    expect(events).toBe(before.posts);
  });

  it('when the caption is too long, then 422 and nothing is stored', async () => {
    const before = mediaFiles().length;
    expectProblem(await publish(postForm([{ bytes: await jpeg(100, 100, 9) }], [['caption', 'x'.repeat(2201)]])), 422, 'caption_too_long');
    expect(mediaFiles()).toHaveLength(before);
  });
});
