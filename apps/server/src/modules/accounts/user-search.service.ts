import { badRequest, tooManyRequests } from '../../platform/errors.js';
import type { Id } from '../../platform/ids.js';
import type { RateLimiter, RateRule } from '../../platform/rate-limit.js';
import { cleanText, hasForbiddenCharacters } from '../../platform/text.js';
import type { BlockedAmong, UserStore } from './accounts.ports.js';
import type { User } from './accounts.types.js';

/** Past this many candidates the search stops looking for more people the viewer may see. */
const MAX_SCAN = 200;

export interface UserSearchDeps {
  users: UserStore;
  blockedAmong: BlockedAmong;
  limiter: RateLimiter;
  rule: RateRule;
}

/** What someone typed, as the store compares it: NFC, trimmed, no leading "@", lowercase. */
export function searchPrefix(raw: string): string {
  const invalid = (message: string) => badRequest('validation_failed', `Check q: ${message}.`, [{ field: 'q', message }]);
  if (hasForbiddenCharacters(raw)) throw invalid('contains invisible or control characters');
  const prefix = cleanText(raw).replace(/^@/, '').toLowerCase();
  if (prefix === '') throw invalid('type at least one letter or digit');
  return prefix;
}

/**
 * Accounts by the start of their username or display name, for @mention suggestions.
 * Anyone blocked either way is left out, and the page is refilled from further
 * candidates so a few blocks do not shorten it. Searches count against a per-account
 * budget: a prefix search is the cheapest way to list every account.
 */
export function createUserSearch(deps: UserSearchDeps) {
  return async function search(viewerId: Id, query: string, limit: number): Promise<User[]> {
    const prefix = searchPrefix(query);
    const decision = await deps.limiter.consume(`search:${viewerId}`, deps.rule);
    if (!decision.allowed) throw tooManyRequests('You are searching too often. Wait a moment and try again.', decision.retryAfterSeconds);
    for (let want = limit * 2; ; want *= 4) {
      const found = await deps.users.search(prefix, Math.min(want, MAX_SCAN));
      const hidden = await deps.blockedAmong(viewerId, found.filter((user) => user.id !== viewerId).map((user) => user.id));
      const visible = found.filter((user) => !hidden.has(user.id));
      if (visible.length >= limit || found.length < want || want >= MAX_SCAN) return visible.slice(0, limit);
    }
  };
}

export type UserSearch = ReturnType<typeof createUserSearch>;
