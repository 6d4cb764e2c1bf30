import type { DomainEvent } from '../../platform/events.js';
import type { Id } from '../../platform/ids.js';
import type { RelationChange } from './graph.types.js';

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
/** What a block, mute or restrict tells the rest of the system: the change, and each follow a block ended. */
export function relationEvents(kind: 'block' | 'mute' | 'restrict', actorId: Id, subjectId: Id, on: boolean) {
  return (change: RelationChange): DomainEvent[] => {
    const ended = change.endedFollows.map((f) => unfollowed(f.followerId, f.followeeId));
    if (!change.changed || kind === 'restrict') return ended;
    const payload = { actorId, subjectId };
    if (kind === 'block') return on ? [{ type: GraphEvents.blocked, payload }, ...ended] : [];
    return [{ type: on ? GraphEvents.muted : GraphEvents.unmuted, payload }];
  };
}
