import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionStore, User, UserStore } from '../../src/modules/accounts/public.js';
import type { DomainEvent, EventLog } from '../../src/platform/events.js';
import { createIdGenerator } from '../../src/platform/ids.js';

export interface AccountStores {
  users: UserStore;
  sessions: SessionStore;
  /** The event log the stores append to, so the suite can see events commit with the change. */
  events: EventLog;
}

const ids = createIdGenerator(7);

export function aUser(overrides: Partial<User> = {}): User {
  const id = ids.next();
  const now = new Date('2026-03-01T12:00:00Z');
  return {
    id, username: `u${id.slice(-9)}`, email: `u${id.slice(-9)}@example.com`, passwordHash: '$argon2id$fake',
    displayName: 'Someone', bio: '', website: '', avatar: null, isPrivate: false, createdAt: now, lastActiveAt: now,
    ...overrides,
  };
}

const event = (type: string, userId: string): DomainEvent => ({ type, payload: { userId } });

/** The UserStore contract: every adapter must pass it unchanged. */
export function userStoreContract(name: string, open: () => Promise<AccountStores> | AccountStores) {
  describe(`UserStore contract: ${name}`, () => {
    let stores: AccountStores;
    beforeEach(async () => {
      stores = await open();
    });

    it('when a user is created, then it reads back identically by id, username and email', async () => {
      const user = aUser({ avatar: { sizes: { '150': 'avatars/x/a-150.webp' }, color: '#112233' }, isPrivate: true, bio: 'line one\nline two' });
      expect(await stores.users.create(user, [])).toEqual({ ok: true });
      expect(await stores.users.findById(user.id)).toEqual(user);
      expect(await stores.users.findByUsername(user.username)).toEqual(user);
      expect(await stores.users.findByEmail(user.email)).toEqual(user);
    });

    it('when a username or email is already used, then create answers which one and stores nothing', async () => {
      const first = aUser();
      await stores.users.create(first, []);
      const sameName = aUser({ username: first.username });
      expect(await stores.users.create(sameName, [])).toEqual({ ok: false, taken: 'username' });
      const sameEmail = aUser({ email: first.email });
      expect(await stores.users.create(sameEmail, [])).toEqual({ ok: false, taken: 'email' });
      expect(await stores.users.findById(sameName.id)).toBeNull();
      expect(await stores.users.findById(sameEmail.id)).toBeNull();
    });

    it('when create succeeds, then its events are in the log; when it fails, then they are not', async () => {
      const before = await stores.events.latestSeq();
      const user = aUser();
      await stores.users.create(user, [event('test.created', user.id)]);
      await stores.users.create(aUser({ username: user.username }), [event('test.should-not-exist', user.id)]);
      const appended = await stores.events.readAfter(before, 10);
      expect(appended.map((e) => e.type)).toEqual(['test.created']);
      expect(appended[0]!.payload).toEqual({ userId: user.id });
    });

    it('when unknown names or ids are looked up, then null or nothing', async () => {
      expect(await stores.users.findById(ids.next())).toBeNull();
      expect(await stores.users.findByUsername('nobody')).toBeNull();
      expect(await stores.users.findByEmail('nobody@example.com')).toBeNull();
      expect(await stores.users.findManyByIds([])).toEqual([]);
    });

    it('when many ids are asked for, then those that exist come back with full 64-bit ids', async () => {
      const big = aUser({ id: '9223372036854775807' });
      const small = aUser();
      await stores.users.create(big, []);
      await stores.users.create(small, []);
      const found = await stores.users.findManyByIds([big.id, small.id, '9223372036854775806']);
      expect(found.map((u) => u.id).sort()).toEqual([big.id, small.id].sort());
      expect(await stores.users.findById('9223372036854775807')).toEqual(big);
    });

    it('when asking which accounts were active since a time, then only ids at or after it come back', async () => {
      const recent = aUser({ lastActiveAt: new Date('2026-03-10T00:00:00Z') });
      const exactly = aUser({ lastActiveAt: new Date('2026-03-05T00:00:00Z') });
      const away = aUser({ lastActiveAt: new Date('2026-01-01T00:00:00Z') });
      for (const user of [recent, exactly, away]) await stores.users.create(user, []);
      const found = await stores.users.activeAmong([recent.id, exactly.id, away.id, ids.next()], new Date('2026-03-05T00:00:00Z'));
      expect([...found].sort()).toEqual([recent.id, exactly.id].sort());
      expect(await stores.users.activeAmong([], new Date(0))).toEqual([]);
    });

    it('when the profile is patched, then only the named fields change and the event commits with it', async () => {
      const user = aUser({ bio: 'old bio', website: 'https://old.example/' });
      await stores.users.create(user, []);
      const before = await stores.events.latestSeq();
      await stores.users.updateProfile(user.id, { displayName: 'New', isPrivate: true }, [event('test.profile', user.id)]);
      const after = await stores.users.findById(user.id);
      expect(after).toEqual({ ...user, displayName: 'New', isPrivate: true });
      expect((await stores.events.readAfter(before, 10)).map((e) => e.type)).toEqual(['test.profile']);
      const avatar = { sizes: { '150': 'avatars/a.webp', '320': 'avatars/b.webp' }, color: '#abcdef' };
      expect(await stores.users.updateProfile(user.id, { avatar }, [])).toEqual({ avatarBefore: null });
      expect((await stores.users.findById(user.id))!.avatar).toEqual(avatar);
      expect(await stores.users.updateProfile(user.id, { avatar: null }, [])).toEqual({ avatarBefore: avatar });
      expect((await stores.users.findById(user.id))!.avatar).toBeNull();
    });

    it('when searched by a prefix, then username matches come first, then display names (lowercased), each once, at most limit', async () => {
      const tag = `s${ids.next().slice(-6)}`;
      const [b, a, named, both] = [
        aUser({ username: `${tag}b` }), aUser({ username: `${tag}a` }),
        aUser({ username: `x${tag}`, displayName: `${tag.toUpperCase()} Élise` }), aUser({ username: `${tag}c`, displayName: `${tag} too` }),
      ];
      for (const user of [b, a, named, both]) await stores.users.create(user, []);
      const found = await stores.users.search(tag, 10);
      expect(found.map((u) => u.id)).toEqual([a.id, b.id, both.id, named.id]);
      expect(found[0]).toEqual(a);
      expect((await stores.users.search(tag, 2)).map((u) => u.id)).toEqual([a.id, b.id]);
      expect((await stores.users.search(`${tag} é`, 10)).map((u) => u.id)).toEqual([named.id]);
      expect(await stores.users.search(`${tag}zzz`, 10)).toEqual([]);
      await stores.users.updateProfile(named.id, { displayName: 'Renamed' }, []);
      expect((await stores.users.search(`${tag} é`, 10))).toEqual([]);
      expect((await stores.users.search('renamed', 10)).map((u) => u.id)).toContain(named.id);
    });

    it('when the password hash changes, then only it changes', async () => {
      const user = aUser();
      await stores.users.create(user, []);
      await stores.users.updatePasswordHash(user.id, '$argon2id$new');
      expect(await stores.users.findById(user.id)).toEqual({ ...user, passwordHash: '$argon2id$new' });
    });

    it('when activity is touched, then last-active only moves forward', async () => {
      const user = aUser();
      await stores.users.create(user, []);
      const later = new Date(user.lastActiveAt.getTime() + 60_000);
      await stores.users.touchActive(user.id, later);
      await stores.users.touchActive(user.id, user.lastActiveAt);
      expect((await stores.users.findById(user.id))!.lastActiveAt).toEqual(later);
    });

    it('when a user is deleted, then it, its sessions and its unique names are gone, and the event is logged', async () => {
      const user = aUser();
      await stores.users.create(user, []);
      const tokenHash = Buffer.alloc(32, 7);
      await stores.sessions.create({ tokenHash, userId: user.id, createdAt: user.createdAt, lastSeenAt: user.createdAt, userAgent: 'ua' });
      const before = await stores.events.latestSeq();
      await stores.users.delete(user.id, [event('test.deleted', user.id)]);
      expect(await stores.users.findById(user.id)).toBeNull();
      expect(await stores.sessions.find(tokenHash)).toBeNull();
      expect((await stores.events.readAfter(before, 10)).map((e) => e.type)).toEqual(['test.deleted']);
      expect(await stores.users.create(aUser({ username: user.username, email: user.email }), [])).toEqual({ ok: true });
    });
  });
}
