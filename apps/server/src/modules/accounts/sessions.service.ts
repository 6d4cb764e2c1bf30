import type { Clock } from '../../platform/clock.js';
import type { Id } from '../../platform/ids.js';
import type { SessionStore, UserStore } from './accounts.ports.js';
import type { Viewer } from './accounts.types.js';
import { hashToken } from './tokens.js';

const TOUCH_EVERY_MS = 60_000;
const SESSION_IDLE_LIMIT_MS = 90 * 24 * 3600 * 1000;

/**
 * Resolves session tokens to viewers. Last-seen and last-active are written at
 * most once a minute per session so reads stay reads.
 */
export function createSessions(deps: { sessions: SessionStore; users: UserStore; clock: Clock }) {
  return {
    async authenticate(token: string, via: Viewer['via']): Promise<Viewer | null> {
      if (token.length < 20 || token.length > 100) return null;
      const tokenHash = hashToken(token);
      const session = await deps.sessions.find(tokenHash);
      if (!session) return null;
      const now = deps.clock.now();
      const idle = now.getTime() - session.lastSeenAt.getTime();
      if (idle > SESSION_IDLE_LIMIT_MS) {
        await deps.sessions.delete(tokenHash);
        return null;
      }
      if (idle > TOUCH_EVERY_MS) {
        await deps.sessions.touch(tokenHash, now);
        await deps.users.touchActive(session.userId, now);
      }
      return { userId: session.userId, tokenHash, via };
    },
    async signOut(tokenHash: Buffer): Promise<void> {
      await deps.sessions.delete(tokenHash);
    },
    async signOutEverywhere(userId: Id): Promise<void> {
      await deps.sessions.deleteForUser(userId);
    },
  };
}
