#!/usr/bin/env node
// Web app figures: JavaScript shipped for the first page (gzip) and time to first feed paint
// against a local server. Run: node bench/web-app.bench.mjs [runs]
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildWebIfNeeded, CHROMIUM_ARGS, CHROMIUM_PATH, ROOT, startServer } from '../scripts/browser/server.mjs';

const runs = Number(process.argv[2] ?? 15);
buildWebIfNeeded();
const server = await startServer();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const setup = await browser.newContext({ baseURL: server.url });
  const response = await setup.request.post('/api/v1/auth/signup', {
    data: { username: `bench${Date.now().toString(36)}`, email: `b${Date.now()}@example.test`, password: 'correct horse battery staple' },
  });
  if (!response.ok()) throw new Error(`sign-up failed: ${response.status()}`);
  const state = await setup.storageState();

  const paints = [];
  const scripts = new Set();
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ baseURL: server.url, storageState: state, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    page.on('response', (r) => {
      if (i === 0 && r.request().resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
    });
    await page.goto('/');
    const ms = await page.evaluate(async () => {
      for (let t = 0; t < 200; t++) {
        const mark = performance.getEntriesByName('pictor:feed-painted')[0];
        if (mark) return mark.startTime;
        await new Promise((r) => setTimeout(r, 25));
      }
      return Number.NaN;
    });
    paints.push(ms);
    await context.close();
  }
  let raw = 0;
  let gz = 0;
  for (const path of scripts) {
    const bytes = readFileSync(join(ROOT, 'apps/web/dist', path));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  const sorted = [...paints].sort((a, b) => a - b);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(0);
  console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  console.log(`first page (/ signed in) loads ${scripts.size} JS files: ${(raw / 1024).toFixed(1)} KiB raw, ${(gz / 1024).toFixed(1)} KiB gzip`);
  console.log(`time to first feed paint over ${runs} cold loads: p50 ${pct(50)} ms, p90 ${pct(90)} ms, min ${sorted[0].toFixed(0)} ms`);
} finally {
  await browser.close();
  await server.stop();
}
