import type { AvatarRef, ProfilePatch, User, UserStore } from '../../modules/accounts/public.js';
import { fromDb, idList, num, type Sqlite, toDb } from './database.js';
import type { OutboxWriter } from './event-log.sqlite.js';

const COLUMNS = 'id, username, email, password_hash, display_name, bio, website, avatar, is_private, created_at, last_active_at';

function toUser(row: Record<string, unknown>): User {
  return {
    id: fromDb(row.id),
    username: String(row.username),
    email: String(row.email),
    passwordHash: String(row.password_hash),
    displayName: String(row.display_name),
    bio: String(row.bio),
    website: String(row.website),
    avatar: row.avatar ? JSON.parse(String(row.avatar)) : null,
    isPrivate: num(row.is_private) === 1,
    createdAt: new Date(num(row.created_at)),
    lastActiveAt: new Date(num(row.last_active_at)),
  };
}

const PATCH_COLUMNS: Record<keyof ProfilePatch, readonly [string, (v: never) => unknown]> = {
  displayName: ['display_name', (v: string) => v],
  bio: ['bio', (v: string) => v],
  website: ['website', (v: string) => v],
  isPrivate: ['is_private', (v: boolean) => (v ? 1 : 0)],
  avatar: ['avatar', (v: unknown) => (v ? JSON.stringify(v) : null)],
};

/** The display name as search compares it (migration 004): Unicode lowercase, so "É" finds "é". */
const fold = (displayName: string) => displayName.toLowerCase();
/** Sorts after every character a username or display name can hold: [prefix, prefix + END) is "starts with". */
const END = '\u{10FFFF}';

export function createSqliteUserStore(db: Sqlite, outbox: OutboxWriter): UserStore {
  const avatarOf = db.prepare('SELECT avatar FROM users WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO users (${COLUMNS}, display_name_fold)
     VALUES (@id, @username, @email, @passwordHash, @displayName, @bio, @website, @avatar, @isPrivate, @createdAt, @lastActiveAt, @displayNameFold)`,
  );
  const byId = db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`);
  const byUsername = db.prepare(`SELECT ${COLUMNS} FROM users WHERE username = ?`);
  const byEmail = db.prepare(`SELECT ${COLUMNS} FROM users WHERE email = ?`);
  const byIds = db.prepare(`SELECT ${COLUMNS} FROM users WHERE id IN (SELECT value FROM json_each(?))`);
  const activeIds = db.prepare('SELECT CAST(id AS TEXT) FROM users WHERE id IN (SELECT value FROM json_each(?)) AND last_active_at >= ?').pluck();
  const setPassword = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?');
  const touch = db.prepare('UPDATE users SET last_active_at = ? WHERE id = ? AND last_active_at < ?');
  const remove = db.prepare('DELETE FROM users WHERE id = ?');
  // Each is one range scan: the UNIQUE index on username, users_by_display_name_fold on the fold.
  const byUsernamePrefix = db.prepare(`SELECT ${COLUMNS} FROM users WHERE username >= ? AND username < ? ORDER BY username LIMIT ?`);
  const byDisplayNamePrefix = db.prepare(
    `SELECT ${COLUMNS} FROM users WHERE display_name_fold >= ? AND display_name_fold < ? ORDER BY display_name_fold, id LIMIT ?`,
  );

  const create = db.transaction((user: User, events) => {
    insert.run({
      ...user, id: toDb(user.id), isPrivate: user.isPrivate ? 1 : 0, avatar: user.avatar ? JSON.stringify(user.avatar) : null,
      createdAt: user.createdAt.getTime(), lastActiveAt: user.lastActiveAt.getTime(), displayNameFold: fold(user.displayName),
    });
    outbox.append(events);
  });

  return {
    async create(user, events) {
      try {
        create(user, events);
        return { ok: true };
      } catch (error) {
        const message = (error as Error).message;
        if (message.includes('UNIQUE') && message.includes('users.username')) return { ok: false, taken: 'username' };
        if (message.includes('UNIQUE') && message.includes('users.email')) return { ok: false, taken: 'email' };
        throw error;
      }
    },
    async findById(id) {
      const row = byId.get(toDb(id)) as Record<string, unknown> | undefined;
      return row ? toUser(row) : null;
    },
    async findByUsername(username) {
      const row = byUsername.get(username) as Record<string, unknown> | undefined;
      return row ? toUser(row) : null;
    },
    async findByEmail(email) {
      const row = byEmail.get(email) as Record<string, unknown> | undefined;
      return row ? toUser(row) : null;
    },
    async findManyByIds(ids) {
      if (ids.length === 0) return [];
      // Ids go through JSON as strings and are cast, so 64-bit values keep every digit.
      return (byIds.all(idList(ids)) as Record<string, unknown>[]).map(toUser);
    },
    async activeAmong(ids, since) {
      return ids.length === 0 ? [] : (activeIds.all(idList(ids), since.getTime()) as string[]);
    },
    async updateProfile(id, patch, events) {
      const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [keyof ProfilePatch, unknown][];
      if (!entries.length) return { avatarBefore: null };
      const sets = entries.map(([key]) => `${PATCH_COLUMNS[key]![0]} = ?`);
      const values = entries.map(([key, value]) => PATCH_COLUMNS[key]![1](value as never));
      if (patch.displayName !== undefined) {
        sets.push('display_name_fold = ?');
        values.push(fold(patch.displayName));
      }
      return db.transaction(() => {
        const before = avatarOf.get(toDb(id)) as { avatar: string | null } | undefined;
        db.prepare(`UPDATE users SET ${sets.join(', ')} WHERE id = ?`).run(...values, toDb(id));
        outbox.append(events);
        return { avatarBefore: before?.avatar ? (JSON.parse(before.avatar) as AvatarRef) : null };
      })();
    },
    async search(prefix, limit) {
      if (prefix === '' || limit < 1) return [];
      const byName = byUsernamePrefix.all(prefix, prefix + END, limit) as Record<string, unknown>[];
      const found = byName.map(toUser);
      if (found.length < limit) {
        const seen = new Set(found.map((user) => user.id));
        const byDisplay = (byDisplayNamePrefix.all(prefix, prefix + END, limit) as Record<string, unknown>[]).map(toUser);
        found.push(...byDisplay.filter((user) => !seen.has(user.id)).slice(0, limit - found.length));
      }
      return found;
    },
    async updatePasswordHash(id, passwordHash) {
      setPassword.run(passwordHash, toDb(id));
    },
    async touchActive(id, at) {
      touch.run(at.getTime(), toDb(id), at.getTime());
    },
    async delete(id, events) {
      db.transaction(() => {
        remove.run(toDb(id));
        outbox.append(events);
      })();
    },
  };
}
