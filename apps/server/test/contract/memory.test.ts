/** The in-process adapters against their port contracts. */
import { createMemoryRateLimiter } from '../../src/adapters/memory/rate-limiter.memory.js';
import { createManualClock } from '../../src/platform/clock.js';
import { rateLimiterContract } from './rate-limiter.contract.js';

rateLimiterContract('memory', () => {
  const clock = createManualClock();
  return { limiter: createMemoryRateLimiter(clock), advance: clock.advance };
});
