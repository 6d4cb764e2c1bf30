/**
 * The photo pipeline benchmark (issue 3). Three figures, written to stdout as
 * Markdown for BENCHMARKS.md:
 *  1. photos/second for a 12-megapixel JPEG turned into every post variant, next
 *     to plain sharp making the same six files in the same run (the ratio is the figure);
 *  2. upload-to-published latency through the whole app (multipart in, post row out), p50 and p99;
 *  3. peak RSS of the process while ten such uploads run at once.
 * Run: npx tsx bench/photo-pipeline.ts [photos=20] [uploads=20]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createSharpPhotoProcessor } from '../apps/server/src/adapters/sharp/photo-processor.sharp.js';
import { loadConfig } from '../apps/server/src/config/config.js';
import { compose } from '../apps/server/src/main/compose.js';

const PHOTOS = Number(process.argv[2] ?? 20);
const UPLOADS = Number(process.argv[3] ?? 20);
const VARIANTS = [{ name: 'thumb', width: 150, height: 150 }, { name: 'feed', width: 640 }, { name: 'full', width: 1080 }];

/** A 4000×3000 camera-like JPEG: smooth gradients, edges and sensor noise, with EXIF orientation. */
async function cameraJpeg(): Promise<Buffer> {
  const width = 4000;
  const height = 3000;
  const base = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const ring = Math.sin(Math.hypot(x - 2000, y - 1500) / 40) * 60;
      base[i] = 120 + ring + (x / width) * 60;
      base[i + 1] = 100 + ring * 0.5 + (y / height) * 80;
      base[i + 2] = 90 + ((x ^ y) & 63);
    }
  }
  const noise = await sharp({ create: { width, height, channels: 3, background: '#000000', noise: { type: 'gaussian', mean: 0, sigma: 8 } } }).raw().toBuffer();
  for (let i = 0; i < base.length; i++) base[i] = Math.max(0, Math.min(255, base[i]! + noise[i]! - 4));
  return sharp(base, { raw: { width, height, channels: 3 } }).jpeg({ quality: 92 }).withMetadata({ orientation: 1 }).toBuffer();
}

/** Plain sharp, the idiomatic way: one input, a clone per output, all encoded concurrently. */
async function plainSharp(bytes: Buffer) {
  const input = sharp(bytes).rotate();
  await Promise.all(VARIANTS.flatMap((v) => {
    const resized = () => input.clone().resize({ width: v.width, height: v.height ?? Math.round(v.width * 0.75), fit: 'cover' });
    return [resized().webp({ quality: 85, effort: 2 }).toBuffer(), resized().jpeg({ quality: 85, progressive: true }).toBuffer()];
  }));
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function throughput(bytes: Buffer) {
  const ours = createSharpPhotoProcessor(50_000_000);
  const request = { aspect: 4 / 3, maxWidth: 1080, filter: {}, variants: VARIANTS, quality: 85 };
  await ours.processPhoto(bytes, request);
  await plainSharp(bytes);
  let oursMs = 0;
  let plainMs = 0;
  // Interleaved, so both see the same machine state.
  for (let i = 0; i < PHOTOS; i++) {
    let t = performance.now();
    await ours.processPhoto(bytes, request);
    oursMs += performance.now() - t;
    t = performance.now();
    await plainSharp(bytes);
    plainMs += performance.now() - t;
  }
  return { ours: (PHOTOS * 1000) / oursMs, plain: (PHOTOS * 1000) / plainMs };
}

function form(bytes: Buffer) {
  const boundary = '----pictorbench';
  return {
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="caption"\r\n\r\nbench #pipeline\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="images"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
      bytes, Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function endToEnd(bytes: Buffer) {
  const dataDir = mkdtempSync(join(tmpdir(), 'pictor-bench-'));
  const config = loadConfig({ PICTOR_DATA_DIR: dataDir, PICTOR_LOG_LEVEL: 'silent', PICTOR_ROLES: 'worker', PICTOR_LIMIT_WRITES_USER: '100000/60' });
  const pictor = await compose(config, { fastPasswordHashing: true });
  await pictor.app.ready();
  try {
    const signup = await pictor.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: { username: 'bench', email: 'bench@example.com', password: 'quartz-lantern-velvet-42' } });
    const authorization = `Bearer ${signup.json().token}`;
    const body = form(bytes);
    const upload = () => pictor.app.inject({ method: 'POST', url: '/api/v1/posts', payload: body.payload, headers: { ...body.headers, authorization } });
    const latencies: number[] = [];
    for (let i = 0; i < UPLOADS; i++) {
      const t = performance.now();
      const res = await upload();
      if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
      latencies.push(performance.now() - t);
    }
    latencies.sort((a, b) => a - b);
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5);
    const t = performance.now();
    const results = await Promise.all(Array.from({ length: 10 }, upload));
    const concurrentMs = performance.now() - t;
    clearInterval(sampler);
    if (results.some((r) => r.statusCode !== 201)) throw new Error('a concurrent upload failed');
    return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), rssBefore, peak, concurrentMs };
  } finally {
    await pictor.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const bytes = await cameraJpeg();
const rate = await throughput(bytes);
const e2e = await endToEnd(bytes);
console.log(`### Photo pipeline (${new Date().toISOString().slice(0, 10)}, ${availableParallelism()} cores, sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips})

Input: one 4000×3000 JPEG (${mb(bytes.length)}), turned into thumb 150×150, feed 640 and full 1080, each as WebP and JPEG (q85).

| figure | value |
|---|---|
| Pictor pipeline (one decode, plus colour, ThumbHash, dHash) | ${rate.ours.toFixed(2)} photos/s |
| plain sharp, same six files (clone per output, concurrent) | ${rate.plain.toFixed(2)} photos/s |
| **ratio Pictor / plain sharp** | **${(rate.ours / rate.plain).toFixed(2)}** |
| upload → published post, p50 (${UPLOADS} sequential, in-process HTTP) | ${e2e.p50.toFixed(0)} ms |
| upload → published post, p99 | ${e2e.p99.toFixed(0)} ms |
| ten uploads at once: wall time | ${e2e.concurrentMs.toFixed(0)} ms |
| ten uploads at once: RSS before → peak | ${mb(e2e.rssBefore)} → ${mb(e2e.peak)} (+${mb(e2e.peak - e2e.rssBefore)}) |
`);
