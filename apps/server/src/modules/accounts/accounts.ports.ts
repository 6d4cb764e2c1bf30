import type { DomainEvent } from '../../platform/events.js';
import type { Id } from '../../platform/ids.js';
import type { AvatarRef, ProfilePatch, Session, SignInAttempt, User } from './accounts.types.js';

export type UniqueField = 'username' | 'email';

export interface UserStore {
  /** Inserts the user; answers which unique field was taken instead of throwing. Events commit with it. */
  create(user: User, events: DomainEvent[]): Promise<{ ok: true } | { ok: false; taken: UniqueField }>;
  findById(id: Id): Promise<User | null>;
  /** Usernames and emails are stored lowercase; callers pass them normalised. */
  findByUsername(username: string): Promise<User | null>;
  findByEmail(email: string): Promise<User | null>;
  /** Users for the ids that exist, in no particular order; one round trip for any number of ids. */
  findManyByIds(ids: readonly Id[]): Promise<User[]>;
  /** Of `ids`, those active at or after `since`, in no particular order; one round trip, ids only (the fan-out's filter). */
  activeAmong(ids: readonly Id[], since: Date): Promise<Id[]>;
  /**
   * Accounts whose username, or Unicode-lowercased display name, starts with `prefix` (which the
   * caller passes lowercased and non-empty): username matches first in username order, then
   * display-name matches in that order, each account once, at most `limit`. Index-backed: the
   * cost follows `limit`, not the number of accounts. Consistency: reads its own writes.
   */
  search(prefix: string, limit: number): Promise<User[]>;
  /**
   * Applies the patch; answers the avatar the account had just before it, read in the same
   * transaction, so of two uploads at once each learns exactly which files it replaced.
   */
  updateProfile(id: Id, patch: ProfilePatch, events: DomainEvent[]): Promise<{ avatarBefore: AvatarRef | null }>;
  updatePasswordHash(id: Id, passwordHash: string): Promise<void>;
  /** Marks the user active now; cheap and may be coalesced. */
  touchActive(id: Id, at: Date): Promise<void>;
  /** Deletes the user and their sessions; other modules clean up on the event. */
  delete(id: Id, events: DomainEvent[]): Promise<void>;
}

export interface SessionStore {
  create(session: Session): Promise<void>;
  find(tokenHash: Buffer): Promise<Session | null>;
  /** Updates last-seen; callers throttle it, it is not needed on every request. */
  touch(tokenHash: Buffer, at: Date): Promise<void>;
  delete(tokenHash: Buffer): Promise<void>;
  /** Ends every session of the user except `keep`, when given. */
  deleteForUser(userId: Id, keep?: Buffer): Promise<void>;
}

/** Seed 004, query 10: the recent sign-in attempts per account and per address. */
export interface SignInAttemptStore {
  record(attempt: SignInAttempt): Promise<void>;
  /** Failures for the account at or after `since`, and the time of the oldest of them. */
  failuresForAccount(accountKey: string, since: Date): Promise<{ count: number; oldest: Date | null }>;
  failuresFromAddress(address: string, since: Date): Promise<{ count: number; oldest: Date | null }>;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** Judges a new password; answers the reason to refuse it, or null. */
export interface PasswordPolicy {
  check(password: string, personalInputs: string[]): { code: 'password_too_weak' | 'password_breached'; message: string } | null;
}

/**
 * Of `otherIds`, the accounts that must not appear to `viewerId`: blocked in either direction.
 * One round trip for any number of ids. The graph module answers it; the composition root wires it.
 */
export type BlockedAmong = (viewerId: Id, otherIds: readonly Id[]) => Promise<Set<Id>>;

/** Turns uploaded bytes into a stored, resized, metadata-free avatar. */
export interface AvatarStorage {
  store(ownerId: Id, bytes: Buffer): Promise<AvatarRef>;
  /**
   * Removes the files of an avatar no account points at (replaced, removed, or never saved).
   * Never throws: a file it cannot remove is logged for the operator, and the change the
   * person made (or the error that stopped it) is what they hear.
   */
  discard(avatar: AvatarRef): Promise<void>;
}
