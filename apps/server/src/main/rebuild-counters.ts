/**
 * `npm run rebuild-counters`: recomputes every post's like and comment counters
 * (and each comment's likes and replies) from the like and comment rows, which
 * are the truth. Safe to run while Pictor serves: one transaction.
 */
import { ConfigError, loadConfig } from '../config/config.js';
import { compose } from './compose.js';

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    // No roles run: nothing listens and no consumers start; only the stores are used.
    config = loadConfig({ ...process.env, PICTOR_ROLES: 'worker' });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  const pictor = await compose(config);
  const started = Date.now();
  const result = await pictor.interactions.rebuildCounters();
  console.log(`Rebuilt counters for ${result.posts} posts in ${Date.now() - started} ms: ${result.corrected} post counters and ${result.commentsCorrected} comment counters were wrong and are now fixed.`);
  await pictor.stop();
}

await main();
