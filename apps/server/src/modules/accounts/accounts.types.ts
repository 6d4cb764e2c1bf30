import type { Id } from '../../platform/ids.js';

export interface User {
  id: Id;
  username: string;
  email: string;
  passwordHash: string;
  displayName: string;
  bio: string;
  website: string;
  /** Blob keys of the avatar's variants, or null for none. */
  avatar: AvatarRef | null;
  isPrivate: boolean;
  createdAt: Date;
  lastActiveAt: Date;
}

export interface AvatarRef {
  /** Content-addressed blob keys by pixel size. */
  sizes: Record<string, string>;
  color: string;
}

export interface ProfilePatch {
  displayName?: string;
  bio?: string;
  website?: string;
  isPrivate?: boolean;
  avatar?: AvatarRef | null;
}

export interface Session {
  tokenHash: Buffer;
  userId: Id;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string;
}

export interface SignInAttempt {
  accountKey: string;
  address: string;
  at: Date;
  success: boolean;
}

export type { Viewer } from '../../platform/viewer.js';
