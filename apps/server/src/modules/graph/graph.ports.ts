import type { DomainEvent } from '../../platform/events.js';
import type { Id } from '../../platform/ids.js';
import type { FollowCounts, IdPage, RelationChange, RelationKind, RelationsAmong, RelationshipFacts } from './graph.types.js';

/**
 * The social graph's store of record. Every write is idempotent and keeps the
 * follower/following counts exact in the same transaction as the edge.
 * `seq` is a time-sortable id; lists page newest first by it.
 */
export interface GraphStore {
  /** Creates the follow (removing any pending request); 'exists' when already following. */
  follow(followerId: Id, followeeId: Id, seq: Id, at: Date, events: DomainEvent[]): Promise<'created' | 'exists'>;
  unfollow(followerId: Id, followeeId: Id, events: DomainEvent[]): Promise<boolean>;
  request(requesterId: Id, targetId: Id, seq: Id, at: Date, events: DomainEvent[]): Promise<'created' | 'exists'>;
  /** Removes a pending request; true when there was one. */
  removeRequest(requesterId: Id, targetId: Id): Promise<boolean>;
  /** Turns a pending request into a follow atomically; false when there was no request. */
  approve(requesterId: Id, targetId: Id, seq: Id, at: Date, events: DomainEvent[]): Promise<boolean>;
  /** Ids of everyone waiting for `targetId`'s approval, oldest first, at most `limit`. */
  pendingRequesters(targetId: Id, limit: number): Promise<Id[]>;

  /**
   * Sets or clears a block, mute or restrict; true when the relation changed. A block also
   * removes follows and requests both ways. `events` describes what actually happened (a
   * block of someone who follows nobody ends no follow) and is written in the same
   * transaction; it is not asked when nothing changed.
   */
  setRelation(
    actorId: Id, subjectId: Id, kind: RelationKind, on: boolean, seq: Id, at: Date, events: (change: RelationChange) => DomainEvent[],
  ): Promise<boolean>;

  facts(viewerId: Id, otherId: Id): Promise<RelationshipFacts>;
  /** Of `otherIds`, those the viewer must not see: blocked either way. One round trip. */
  blockedAmong(viewerId: Id, otherIds: readonly Id[]): Promise<Set<Id>>;
  /** Of `otherIds`, those the viewer follows. One round trip. */
  followedAmong(viewerId: Id, otherIds: readonly Id[]): Promise<Set<Id>>;
  /** Of `otherIds`, those the viewer mutes. One round trip. */
  mutedAmong(viewerId: Id, otherIds: readonly Id[]): Promise<Set<Id>>;
  /** The three questions above at once, for readers that need all of them (the home feed). One round trip. */
  relationsAmong(viewerId: Id, otherIds: readonly Id[]): Promise<RelationsAmong>;

  followers(userId: Id, after: string | null, limit: number): Promise<IdPage>;
  following(userId: Id, after: string | null, limit: number): Promise<IdPage>;
  requests(targetId: Id, after: string | null, limit: number): Promise<IdPage>;
  relations(actorId: Id, kind: RelationKind, after: string | null, limit: number): Promise<IdPage>;
  counts(userIds: readonly Id[]): Promise<Map<Id, FollowCounts>>;

  /** Removes every edge touching the user and corrects the counts of everyone else. */
  removeUser(userId: Id): Promise<void>;
}
