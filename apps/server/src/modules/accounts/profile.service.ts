import { unprocessable } from '../../platform/errors.js';
import type { Id } from '../../platform/ids.js';
import { checkedText } from '../../platform/text.js';
import { profileChanged } from './accounts.events.js';
import type { AvatarStorage, UserStore } from './accounts.ports.js';
import type { AvatarRef, ProfilePatch, User } from './accounts.types.js';

export interface ProfileInput {
  displayName?: string;
  bio?: string;
  website?: string;
  isPrivate?: boolean;
}

export function createProfileEditing(deps: { users: UserStore; avatars: AvatarStorage }) {
  async function current(userId: Id): Promise<User> {
    const user = await deps.users.findById(userId);
    if (!user) throw unprocessable('account_gone', 'This account no longer exists.');
    return user;
  }

  return {
    /** Only the fields named here can change; anything else in the request is ignored. */
    async update(userId: Id, input: ProfileInput): Promise<User> {
      const patch: ProfilePatch = {};
      if (input.displayName !== undefined) patch.displayName = checkedText('displayName', input.displayName);
      // A bio keeps its paragraphs but not runs of blank lines that push the profile down.
      if (input.bio !== undefined) patch.bio = checkedText('bio', input.bio, { multiline: true }).replace(/\n{3,}/g, '\n\n');
      if (input.website !== undefined) patch.website = checkedWebsite(input.website);
      if (input.isPrivate !== undefined) patch.isPrivate = input.isPrivate;
      const fields = Object.keys(patch);
      if (fields.length) await deps.users.updateProfile(userId, patch, [profileChanged(userId, fields)]);
      return current(userId);
    },

    // What an avatar replaced is what the store answers from inside its write, never what was read
    // before the upload: of two uploads at once, the one that lands first must lose its files to the
    // second, not leave them on disk while both throw away the avatar from before.
    async setAvatar(userId: Id, bytes: Buffer): Promise<User> {
      const before = await current(userId);
      const avatar = await deps.avatars.store(userId, bytes);
      let replaced: AvatarRef | null;
      try {
        ({ avatarBefore: replaced } = await deps.users.updateProfile(userId, { avatar }, [profileChanged(userId, ['avatar'])]));
      } catch (error) {
        await deps.avatars.discard(unshared(avatar, before.avatar));
        throw error;
      }
      if (replaced) await deps.avatars.discard(unshared(replaced, avatar));
      return current(userId);
    },

    async removeAvatar(userId: Id): Promise<User> {
      const before = await current(userId);
      if (before.avatar) {
        const { avatarBefore } = await deps.users.updateProfile(userId, { avatar: null }, [profileChanged(userId, ['avatar'])]);
        if (avatarBefore) await deps.avatars.discard(avatarBefore);
      }
      return current(userId);
    },
  };
}

function checkedWebsite(raw: string): string {
  const value = raw.trim();
  if (value === '') return '';
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`);
  } catch {
    throw unprocessable('invalid_website', 'Enter a web address such as https://example.com.', [{ field: 'website', message: 'not a web address' }]);
  }
  if (!['http:', 'https:'].includes(url.protocol) || !url.hostname.includes('.') || url.username || url.password) {
    throw unprocessable('invalid_website', 'Enter a web address such as https://example.com.', [{ field: 'website', message: 'only http and https addresses' }]);
  }
  return url.toString();
}

/** The files of `avatar` that `other` does not also use (the same picture uploaded again keeps its keys). */
function unshared(avatar: AvatarRef, other: AvatarRef | null): AvatarRef {
  const keep = new Set(Object.values(other?.sizes ?? {}));
  return { ...avatar, sizes: Object.fromEntries(Object.entries(avatar.sizes).filter(([, key]) => !keep.has(key))) };
}
