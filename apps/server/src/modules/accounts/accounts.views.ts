import type { Avatar, Me, UserSummary } from '@pictor/contract';
import type { Id } from '../../platform/ids.js';
import type { MediaUrl } from '../../platform/media-url.js';
import type { AvatarRef, User } from './accounts.types.js';

export interface ProfileCounts {
  followers: number;
  following: number;
  posts: number;
}

export function avatarView(avatar: AvatarRef | null, mediaUrl: MediaUrl): Avatar {
  if (!avatar) return null;
  const urls = Object.fromEntries(Object.entries(avatar.sizes).map(([size, key]) => [size, mediaUrl(key)]));
  const smallest = Object.keys(avatar.sizes).sort((a, b) => Number(a) - Number(b))[0]!;
  return { url: urls[smallest]!, urls, color: avatar.color };
}

export function meView(user: User, counts: ProfileCounts, mediaUrl: MediaUrl): Me {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    displayName: user.displayName,
    bio: user.bio,
    website: user.website,
    avatar: avatarView(user.avatar, mediaUrl),
    isPrivate: user.isPrivate,
    counts,
    createdAt: user.createdAt.toISOString(),
  };
}

export function userSummaryView(user: User, mediaUrl: MediaUrl): UserSummary {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    avatar: avatarView(user.avatar, mediaUrl),
    isPrivate: user.isPrivate,
  };
}

/**
 * A page of ids as user summaries, in the same order, in one lookup; ids whose account
 * is gone are left out. Follower lists, likers and any other list of people use it.
 */
export async function userSummaries(
  ids: readonly Id[], accounts: { findManyByIds(ids: readonly Id[]): Promise<User[]> }, mediaUrl: MediaUrl,
): Promise<UserSummary[]> {
  const users = new Map((await accounts.findManyByIds(ids)).map((u) => [u.id, u]));
  return ids.flatMap((id) => {
    const user = users.get(id);
    return user ? [userSummaryView(user, mediaUrl)] : [];
  });
}
