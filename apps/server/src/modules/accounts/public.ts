/**
 * The accounts module: sign-up, sign-in, sessions, profile editing, deletion.
 * Other modules import only from this file.
 */
import type { Clock } from '../../platform/clock.js';
import type { Id, IdGenerator } from '../../platform/ids.js';
import type { HttpApp } from '../../platform/http/app.js';
import type { MediaUrl } from '../../platform/media-url.js';
import type { RateLimiter, RateRule } from '../../platform/rate-limit.js';
import { createAccountLifecycle } from './account-lifecycle.service.js';
import type {
  AvatarStorage, BlockedAmong, PasswordHasher, PasswordPolicy, SessionStore, SignInAttemptStore, UserStore,
} from './accounts.ports.js';
import { registerAccountRoutes } from './accounts.routes.js';
import type { ProfileCounts } from './accounts.views.js';
import { createProfileEditing } from './profile.service.js';
import { createSessions } from './sessions.service.js';
import { createSignIn } from './sign-in.service.js';
import { registerUserSearchRoutes } from './user-search.routes.js';
import { createUserSearch } from './user-search.service.js';

export type { AvatarRef, ProfilePatch, Session, SignInAttempt, User, Viewer } from './accounts.types.js';
export type * from './accounts.ports.js';
export { AccountEvents, type AccountDeleted } from './accounts.events.js';
export { avatarView, userSummaries, userSummaryView, type ProfileCounts } from './accounts.views.js';

export interface AccountsDeps {
  stores: { users: UserStore; sessions: SessionStore; attempts: SignInAttemptStore };
  security: { hasher: PasswordHasher; policy: PasswordPolicy; limiter: RateLimiter };
  limits: { signInPerAddress: RateRule; signInPerAccount: RateRule; signUpPerAddress: RateRule; searchPerUser: RateRule };
  avatars: AvatarStorage;
  platform: { ids: IdGenerator; clock: Clock; mediaUrl: MediaUrl; cookieSecure: boolean };
}

export function createAccountsModule(deps: AccountsDeps) {
  const { users, sessions: sessionStore, attempts } = deps.stores;
  const { clock, ids } = deps.platform;
  const sessions = createSessions({ sessions: sessionStore, users, clock });
  const signIn = createSignIn({
    users, sessions: sessionStore, attempts, hasher: deps.security.hasher, clock,
    limits: { perAddress: deps.limits.signInPerAddress, perAccount: deps.limits.signInPerAccount },
  });
  const lifecycle = createAccountLifecycle({
    users, sessions: sessionStore, hasher: deps.security.hasher, policy: deps.security.policy, ids, clock,
    limiter: deps.security.limiter, signUpLimit: deps.limits.signUpPerAddress,
  });
  const profiles = createProfileEditing({ users, avatars: deps.avatars });

  return {
    authenticate: sessions.authenticate,
    /** Read access to accounts for the modules built on this one. */
    directory: {
      findById: (id: Id) => users.findById(id),
      findByUsername: (username: string) => users.findByUsername(username.trim().toLowerCase()),
      findManyByIds: (ids: readonly Id[]) => users.findManyByIds(ids),
      activeAmong: (ids: readonly Id[], since: Date) => users.activeAmong(ids, since),
    },
    /** `counts` and `blockedAmong` come from the graph module, which is built on this one. */
    registerRoutes(app: HttpApp, counts: (userId: Id) => Promise<ProfileCounts>, blockedAmong: BlockedAmong) {
      registerAccountRoutes(app, {
        lifecycle, signIn, sessions, profiles, users, counts,
        mediaUrl: deps.platform.mediaUrl, cookieSecure: deps.platform.cookieSecure,
      });
      const search = createUserSearch({ users, blockedAmong, limiter: deps.security.limiter, rule: deps.limits.searchPerUser });
      registerUserSearchRoutes(app, { search, mediaUrl: deps.platform.mediaUrl });
    },
  };
}

export type AccountsModule = ReturnType<typeof createAccountsModule>;
export type AccountDirectory = AccountsModule['directory'];
