import type { DomainEvent } from '../../platform/events.js';
import type { Id } from '../../platform/ids.js';

export const AccountEvents = {
  signedUp: 'accounts.signed-up',
  profileChanged: 'accounts.profile-changed',
  deleted: 'accounts.deleted',
} as const;

export type AccountDeleted = DomainEvent<typeof AccountEvents.deleted, { userId: Id; avatar: unknown }>;

export const signedUp = (userId: Id, username: string): DomainEvent => ({
  type: AccountEvents.signedUp,
  payload: { userId, username },
});

export const profileChanged = (userId: Id, fields: string[]): DomainEvent => ({
  type: AccountEvents.profileChanged,
  payload: { userId, fields },
});

export const accountDeleted = (userId: Id, avatar: unknown): DomainEvent => ({
  type: AccountEvents.deleted,
  payload: { userId, avatar },
});
