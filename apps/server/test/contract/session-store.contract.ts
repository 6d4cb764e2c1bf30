import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/modules/accounts/public.js';
import { type AccountStores, aUser } from './user-store.contract.js';

const T0 = new Date('2026-03-01T12:00:00Z');
const aSession = (userId: string, overrides: Partial<Session> = {}): Session => ({
  tokenHash: randomBytes(32), userId, createdAt: T0, lastSeenAt: T0, userAgent: 'Mozilla/5.0', ...overrides,
});

/** The SessionStore contract: sessions are found only by the hash of their token. */
export function sessionStoreContract(name: string, open: () => Promise<AccountStores> | AccountStores) {
  describe(`SessionStore contract: ${name}`, () => {
    let stores: AccountStores;
    let userId: string;
    beforeEach(async () => {
      stores = await open();
      const user = aUser();
      await stores.users.create(user, []);
      userId = user.id;
    });

    it('when a session is created, then it is found by its hash and by nothing else', async () => {
      const session = aSession(userId);
      await stores.sessions.create(session);
      expect(await stores.sessions.find(session.tokenHash)).toEqual(session);
      expect(await stores.sessions.find(randomBytes(32))).toBeNull();
      expect(await stores.sessions.find(session.tokenHash.subarray(0, 16))).toBeNull();
    });

    it('when touched, then last-seen moves and nothing else does', async () => {
      const session = aSession(userId);
      await stores.sessions.create(session);
      const later = new Date(T0.getTime() + 120_000);
      await stores.sessions.touch(session.tokenHash, later);
      expect(await stores.sessions.find(session.tokenHash)).toEqual({ ...session, lastSeenAt: later });
    });

    it('when one session is deleted, then only that one ends; deleting again is fine', async () => {
      const [a, b] = [aSession(userId), aSession(userId)];
      await stores.sessions.create(a);
      await stores.sessions.create(b);
      await stores.sessions.delete(a.tokenHash);
      await stores.sessions.delete(a.tokenHash);
      expect(await stores.sessions.find(a.tokenHash)).toBeNull();
      expect(await stores.sessions.find(b.tokenHash)).toEqual(b);
    });

    it("when a user's sessions are deleted keeping one, then exactly that one survives, and other users' are untouched", async () => {
      const other = aUser();
      await stores.users.create(other, []);
      const [keep, drop1, drop2, theirs] = [aSession(userId), aSession(userId), aSession(userId), aSession(other.id)];
      for (const s of [keep, drop1, drop2, theirs]) await stores.sessions.create(s);
      await stores.sessions.deleteForUser(userId, keep.tokenHash);
      expect(await stores.sessions.find(keep.tokenHash)).toEqual(keep);
      expect(await stores.sessions.find(drop1.tokenHash)).toBeNull();
      expect(await stores.sessions.find(drop2.tokenHash)).toBeNull();
      expect(await stores.sessions.find(theirs.tokenHash)).toEqual(theirs);
      await stores.sessions.deleteForUser(userId);
      expect(await stores.sessions.find(keep.tokenHash)).toBeNull();
      expect(await stores.sessions.find(theirs.tokenHash)).toEqual(theirs);
    });
  });
}
