import type { Profile, Relationship } from '@pictor/contract';
import type { Id } from '../../platform/ids.js';
import type { MediaUrl } from '../../platform/media-url.js';
import { avatarView } from '../accounts/public.js';
import type { ProfileLookup } from './profiles.service.js';
import type { RelationshipFacts } from './graph.types.js';

export function relationshipView(facts: RelationshipFacts | null, isSelf: boolean): Relationship {
  return {
    following: facts?.following ?? false,
    followedBy: facts?.followedBy ?? false,
    requested: facts?.requested ?? false,
    requestedBy: facts?.requestedBy ?? false,
    blocking: facts?.blocking ?? false,
    muting: facts?.muting ?? false,
    restricting: facts?.restricting ?? false,
    isSelf,
  };
}

export function profileView(viewerId: Id | null, found: ProfileLookup, mediaUrl: MediaUrl): Profile {
  const { user } = found;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    bio: user.bio,
    website: user.website,
    avatar: avatarView(user.avatar, mediaUrl),
    isPrivate: user.isPrivate,
    counts: found.counts,
    relationship: viewerId ? relationshipView(found.facts, viewerId === user.id) : null,
    canSeeContent: found.canSeeContent,
    createdAt: user.createdAt.toISOString(),
  };
}
