import type { Clock } from '../../platform/clock.js';
import type { RateLimiter } from '../../platform/rate-limit.js';

/**
 * Sliding-window log per key, kept in memory. Keys whose windows have emptied are
 * swept on use, so memory follows active keys, not every key ever seen.
 */
export function createMemoryRateLimiter(clock: Clock, maxKeys = 100_000): RateLimiter {
  const hits = new Map<string, number[]>();
  return {
    async consume(key, rule) {
      const now = clock.now().getTime();
      const windowStart = now - rule.windowSeconds * 1000;
      const log = (hits.get(key) ?? []).filter((t) => t > windowStart);
      if (log.length >= rule.max) {
        hits.set(key, log);
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((log[0]! - windowStart) / 1000)) };
      }
      log.push(now);
      hits.delete(key); // re-insert so the Map's order is least-recently-used first
      hits.set(key, log);
      if (hits.size > maxKeys) hits.delete(hits.keys().next().value!);
      return { allowed: true, retryAfterSeconds: 0 };
    },
  };
}
