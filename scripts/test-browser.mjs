#!/usr/bin/env node
// Browser journeys in Debian's headless Chromium (driven by playwright-core; no browser download).
// Builds the web app if needed, starts a throwaway server, runs every journey, stops the server.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { journeys } from './browser/journeys.mjs';
import { buildWebIfNeeded, CHROMIUM_ARGS, CHROMIUM_PATH, startServer } from './browser/server.mjs';

if (!existsSync(CHROMIUM_PATH)) {
  console.error(`browser tests need Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set PICTOR_CHROMIUM)`);
  process.exit(1);
}

buildWebIfNeeded();
const server = await startServer();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const world = { browser, url: server.url, paths: server.paths };
let passed = 0;
let failed = 0;
let skipped = 0;
try {
  for (const journey of journeys) {
    const reason = journey.skip?.(world);
    if (reason) {
      skipped++;
      console.log(`- skipped: ${journey.name} (${reason})`);
      continue;
    }
    const started = Date.now();
    try {
      await journey.run(world);
      passed++;
      console.log(`✔ ${journey.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      console.log(`✖ ${journey.name}\n  ${error instanceof Error ? error.stack : error}`);
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
