import type { DomainEvent } from '../../platform/events.js';
import type { Id } from '../../platform/ids.js';

export const GraphEvents = {
  followed: 'graph.followed',
  unfollowed: 'graph.unfollowed',
  followRequested: 'graph.follow-requested',
  blocked: 'graph.blocked',
  muted: 'graph.muted',
  unmuted: 'graph.unmuted',
} as const;

export interface FollowPayload {
  followerId: Id;
  followeeId: Id;
}

export const followed = (followerId: Id, followeeId: Id): DomainEvent<string, FollowPayload> => ({ type: GraphEvents.followed, payload: { followerId, followeeId } });
export const unfollowed = (followerId: Id, followeeId: Id): DomainEvent<string, FollowPayload> => ({ type: GraphEvents.unfollowed, payload: { followerId, followeeId } });
export const followRequested = (requesterId: Id, targetId: Id): DomainEvent => ({ type: GraphEvents.followRequested, payload: { requesterId, targetId } });
/** What a block, mute or restrict tells the rest of the system. A block ends both follows, so it says so. */
export function relationEvents(kind: 'block' | 'mute' | 'restrict', actorId: Id, subjectId: Id, on: boolean): DomainEvent[] {
  const payload = { actorId, subjectId };
  if (kind === 'block') {
    return on ? [{ type: GraphEvents.blocked, payload }, unfollowed(actorId, subjectId), unfollowed(subjectId, actorId)] : [];
  }
  if (kind === 'mute') return [{ type: on ? GraphEvents.muted : GraphEvents.unmuted, payload }];
  return [];
}
