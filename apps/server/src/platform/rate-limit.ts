/** A budget of `max` actions in any `windowSeconds`. */
export interface RateRule {
  max: number;
  windowSeconds: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until one more action fits the budget; 0 when allowed. */
  retryAfterSeconds: number;
}

/**
 * Counts actions per key against a rule. In-process for one machine; Redis at scale.
 * consume() records the action only when it is allowed.
 */
export interface RateLimiter {
  consume(key: string, rule: RateRule): Promise<RateDecision>;
}
