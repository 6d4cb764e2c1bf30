import type { Clock } from '../../platform/clock.js';
import { tooManyRequests } from '../../platform/errors.js';
import type { RateRule } from '../../platform/rate-limit.js';
import { invalidCredentials } from './accounts.errors.js';
import type { PasswordHasher, SessionStore, SignInAttemptStore, UserStore } from './accounts.ports.js';
import type { User } from './accounts.types.js';
import { normalizePassword, signInIdentifier } from './identity-rules.js';
import { newSessionToken } from './tokens.js';

export interface SignInDeps {
  users: UserStore;
  sessions: SessionStore;
  attempts: SignInAttemptStore;
  hasher: PasswordHasher;
  clock: Clock;
  limits: { perAddress: RateRule; perAccount: RateRule };
}

export interface SignInRequest {
  identifier: string;
  password: string;
  address: string;
  userAgent: string;
}

/**
 * Checks a password and opens a session. A wrong password and an unknown account
 * look the same from outside (same error, a hash verified either way), and
 * failures lock the account and the address out for the configured windows.
 */
export function createSignIn(deps: SignInDeps) {
  let dummyHash: Promise<string> | null = null;

  return async function signIn(request: SignInRequest): Promise<{ token: string; user: User }> {
    const now = deps.clock.now();
    const identifier = signInIdentifier(request.identifier);
    const user = identifier.kind === 'email'
      ? await deps.users.findByEmail(identifier.value)
      : await deps.users.findByUsername(identifier.value);
    const accountKey = user ? `user:${user.id}` : `name:${identifier.value}`;

    await refuseIfLockedOut(accountKey, request.address, now);

    const password = normalizePassword(request.password);
    dummyHash ??= deps.hasher.hash('pictor-timing-equaliser');
    let valid = false;
    if (user) valid = await deps.hasher.verify(user.passwordHash, password);
    else await deps.hasher.verify(await dummyHash, password); // the same work, so timing says nothing
    await deps.attempts.record({ accountKey, address: request.address, at: now, success: valid });
    if (!user || !valid) throw invalidCredentials();

    const { token, tokenHash } = newSessionToken();
    await deps.sessions.create({ tokenHash, userId: user.id, createdAt: now, lastSeenAt: now, userAgent: request.userAgent.slice(0, 300) });
    await deps.users.touchActive(user.id, now);
    return { token, user };
  };

  async function refuseIfLockedOut(accountKey: string, address: string, now: Date) {
    const checks = [
      { rule: deps.limits.perAddress, read: (since: Date) => deps.attempts.failuresFromAddress(address, since) },
      { rule: deps.limits.perAccount, read: (since: Date) => deps.attempts.failuresForAccount(accountKey, since) },
    ];
    for (const { rule, read } of checks) {
      // The window is (now - window, now]: a failure exactly `window` old has expired, as Retry-After promised.
      const since = new Date(now.getTime() - rule.windowSeconds * 1000 + 1);
      const failures = await read(since);
      if (failures.count >= rule.max) {
        const freesAt = (failures.oldest ?? now).getTime() + rule.windowSeconds * 1000;
        const wait = Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000));
        throw tooManyRequests(`Too many failed sign-ins. Try again in ${formatWait(wait)}.`, wait);
      }
    }
  }
}

function formatWait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
