import type { Clock } from '../../platform/clock.js';
import { unprocessable } from '../../platform/errors.js';
import type { Id, IdGenerator } from '../../platform/ids.js';
import type { RateLimiter, RateRule } from '../../platform/rate-limit.js';
import { checkedText } from '../../platform/text.js';
import { tooManyRequests } from '../../platform/errors.js';
import { taken, wrongPassword } from './accounts.errors.js';
import { accountDeleted, signedUp } from './accounts.events.js';
import type { PasswordHasher, PasswordPolicy, SessionStore, UserStore } from './accounts.ports.js';
import type { User, Viewer } from './accounts.types.js';
import { normalizeEmail, normalizePassword, normalizeUsername } from './identity-rules.js';
import { newSessionToken } from './tokens.js';

export interface LifecycleDeps {
  users: UserStore;
  sessions: SessionStore;
  hasher: PasswordHasher;
  policy: PasswordPolicy;
  ids: IdGenerator;
  clock: Clock;
  limiter: RateLimiter;
  signUpLimit: RateRule;
}

export function createAccountLifecycle(deps: LifecycleDeps) {
  async function acceptablePassword(raw: string, personal: string[], field: string): Promise<string> {
    const password = normalizePassword(raw);
    const refusal = deps.policy.check(password, personal);
    if (refusal) throw unprocessable(refusal.code, refusal.message, [{ field, message: refusal.message }]);
    return deps.hasher.hash(password);
  }

  async function requirePassword(user: User, raw: string) {
    if (!(await deps.hasher.verify(user.passwordHash, normalizePassword(raw)))) throw wrongPassword();
  }

  async function mustFind(id: Id): Promise<User> {
    const user = await deps.users.findById(id);
    if (!user) throw unprocessable('account_gone', 'This account no longer exists.');
    return user;
  }

  return {
    /** Creates the account and signs it in at once, as Instagram does. */
    async signUp(input: { username: string; email: string; password: string; displayName?: string; address: string; userAgent: string }) {
      const username = normalizeUsername(input.username);
      const email = normalizeEmail(input.email);
      const displayName = checkedText('displayName', input.displayName ?? '');
      const decision = await deps.limiter.consume(`signup:${input.address}`, deps.signUpLimit);
      if (!decision.allowed) {
        throw tooManyRequests('Too many new accounts from this network. Try again later.', decision.retryAfterSeconds);
      }
      const passwordHash = await acceptablePassword(input.password, [username, email, email.split('@')[0]!], 'password');
      const now = deps.clock.now();
      const user: User = {
        id: deps.ids.next(), username, email, passwordHash,
        displayName, bio: '', website: '', avatar: null, isPrivate: false,
        createdAt: now, lastActiveAt: now,
      };
      const created = await deps.users.create(user, [signedUp(user.id, username)]);
      if (!created.ok) throw taken(created.taken);
      const { token, tokenHash } = newSessionToken();
      await deps.sessions.create({ tokenHash, userId: user.id, createdAt: now, lastSeenAt: now, userAgent: input.userAgent.slice(0, 300) });
      return { token, user };
    },

    /** Every other session ends at once; the one that made the change stays signed in. */
    async changePassword(viewer: Viewer, currentPassword: string, newPassword: string) {
      const user = await mustFind(viewer.userId);
      await requirePassword(user, currentPassword);
      const hash = await acceptablePassword(newPassword, [user.username, user.email], 'newPassword');
      await deps.users.updatePasswordHash(user.id, hash);
      await deps.sessions.deleteForUser(user.id, viewer.tokenHash);
    },

    /** Removes the account now; its posts, follows and files follow through the accounts.deleted event. */
    async deleteAccount(viewer: Viewer, password: string) {
      const user = await mustFind(viewer.userId);
      await requirePassword(user, password);
      await deps.users.delete(user.id, [accountDeleted(user.id, user.avatar)]);
    },
  };
}
