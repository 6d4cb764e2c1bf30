import type { Id } from '../../platform/ids.js';

export type RelationKind = 'block' | 'mute' | 'restrict';

/** Everything one account's relation to another can be, from the viewer's side. */
export interface RelationshipFacts {
  following: boolean;
  followedBy: boolean;
  requested: boolean;
  requestedBy: boolean;
  blocking: boolean;
  blockedBy: boolean;
  muting: boolean;
  restricting: boolean;
}

/** What one setRelation did: whether the relation itself changed, and the follows a block ended. */
export interface RelationChange {
  changed: boolean;
  endedFollows: { followerId: Id; followeeId: Id }[];
}

/** Of a set of accounts, those the viewer follows, mutes, and is blocked with (either way). */
export interface RelationsAmong {
  followed: Set<Id>;
  muted: Set<Id>;
  blocked: Set<Id>;
}

export interface IdPage {
  ids: Id[];
  /** Position to continue after, or null at the end. */
  next: string | null;
}

export interface FollowCounts {
  followers: number;
  following: number;
}
