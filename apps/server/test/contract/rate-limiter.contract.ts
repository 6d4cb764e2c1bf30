import { beforeEach, describe, expect, it } from 'vitest';
import type { RateLimiter } from '../../src/platform/rate-limit.js';

export interface RateLimiterWorld {
  limiter: RateLimiter;
  /** Moves the limiter's clock forward. */
  advance(ms: number): void;
}

/** The RateLimiter contract: a sliding budget per key, refusals not counted, Retry-After that is true. */
export function rateLimiterContract(name: string, open: () => Promise<RateLimiterWorld> | RateLimiterWorld) {
  describe(`RateLimiter contract: ${name}`, () => {
    let world: RateLimiterWorld;
    const rule = { max: 3, windowSeconds: 60 };
    beforeEach(async () => {
      world = await open();
    });

    it('when the budget is spent, then the next is refused with the seconds until room frees up', async () => {
      for (let i = 0; i < 3; i++) expect(await world.limiter.consume('k', rule)).toEqual({ allowed: true, retryAfterSeconds: 0 });
      expect(await world.limiter.consume('k', rule)).toEqual({ allowed: false, retryAfterSeconds: 60 });
      world.advance(59_000);
      expect(await world.limiter.consume('k', rule)).toEqual({ allowed: false, retryAfterSeconds: 1 });
      world.advance(1_000);
      expect((await world.limiter.consume('k', rule)).allowed).toBe(true);
    });

    it('when actions are spread out, then the window slides: each frees up a window after it happened', async () => {
      await world.limiter.consume('s', rule);
      world.advance(20_000);
      await world.limiter.consume('s', rule);
      world.advance(20_000);
      await world.limiter.consume('s', rule);
      expect(await world.limiter.consume('s', rule)).toEqual({ allowed: false, retryAfterSeconds: 20 });
      world.advance(20_000);
      expect((await world.limiter.consume('s', rule)).allowed).toBe(true);
      expect((await world.limiter.consume('s', rule)).allowed).toBe(false);
    });

    it('when refused, then the refusal itself does not use budget', async () => {
      for (let i = 0; i < 3; i++) await world.limiter.consume('r', rule);
      for (let i = 0; i < 10; i++) await world.limiter.consume('r', rule);
      world.advance(60_000);
      for (let i = 0; i < 3; i++) expect((await world.limiter.consume('r', rule)).allowed).toBe(true);
    });

    it('when keys differ, then their budgets are independent', async () => {
      for (let i = 0; i < 3; i++) await world.limiter.consume('a', rule);
      expect((await world.limiter.consume('a', rule)).allowed).toBe(false);
      expect((await world.limiter.consume('b', rule)).allowed).toBe(true);
    });
  });
}
