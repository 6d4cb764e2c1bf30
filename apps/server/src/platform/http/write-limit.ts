import type { HttpApp } from './app.js';
import { tooManyRequests } from '../errors.js';
import type { RateLimiter, RateRule } from '../rate-limit.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A budget of writes per signed-in account (likes, comments, follows, posts…),
 * so one account or a stolen token cannot flood everyone else. Runs after the
 * session is known; anonymous writes (sign-up, sign-in) have their own limits.
 */
export function registerWriteLimit(app: HttpApp, limiter: RateLimiter, rule: RateRule) {
  app.addHook('preHandler', async (request) => {
    if (!WRITES.has(request.method) || !request.viewer) return;
    const decision = await limiter.consume(`writes:${request.viewer.userId}`, rule);
    if (!decision.allowed) {
      throw tooManyRequests('You are doing that too often. Wait a moment and try again.', decision.retryAfterSeconds);
    }
  });
}
