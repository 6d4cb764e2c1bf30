/**
 * `npm run rebuild-counters`: recomputes every post's like and comment counters
 * (and each comment's likes and replies) from the like and comment rows, which
 * are the truth. Safe to run while Pictor serves: one transaction. A running server
 * keeps the hot counters in memory and, this being another process, shows the fixed
 * ones within PICTOR_CACHE_TTL_SECONDS, or ten times that when it runs both the API and the worker
 * (compose-caches.ts); restarting it shows them at once.
 */
import { compose } from './compose.js';
import { loadConfigOrExit } from './run.js';

async function main() {
  // The worker role registers no gateway; start() is never called, so nothing listens or consumes.
  const pictor = await compose(loadConfigOrExit({ ...process.env, PICTOR_ROLES: 'worker' }));
  const started = Date.now();
  const result = await pictor.interactions.rebuildCounters();
  console.log(`Rebuilt counters for ${result.posts} posts in ${Date.now() - started} ms: ${result.corrected} post counters and ${result.commentsCorrected} comment counters were wrong and are now fixed; a running server shows them within PICTOR_CACHE_TTL_SECONDS (ten times that when one process runs both the API and the worker), or at once after a restart.`);
  await pictor.stop();
}

await main();
