import type { DomainEvent } from '../../platform/events.js';
import type { Id } from '../../platform/ids.js';
import type { Post } from './posts.types.js';

/** Facts the feed, search and notifications consume. Payloads carry ids, not whole posts. */
export const PostEvents = {
  created: 'posts.created',
  updated: 'posts.updated',
  archived: 'posts.archived',
  unarchived: 'posts.unarchived',
  deleted: 'posts.deleted',
} as const;

export interface PostCreatedPayload {
  postId: Id;
  ownerId: Id;
  hashtags: string[];
  mentions: string[];
  createdAt: string;
}

export const postCreated = (post: Post): DomainEvent<typeof PostEvents.created, PostCreatedPayload> => ({
  type: PostEvents.created,
  payload: { postId: post.id, ownerId: post.ownerId, hashtags: post.hashtags, mentions: post.mentions, createdAt: post.createdAt.toISOString() },
});

export const postChanged = (type: Exclude<(typeof PostEvents)[keyof typeof PostEvents], 'posts.created'>, post: { id: Id; ownerId: Id }): DomainEvent => ({
  type,
  payload: { postId: post.id, ownerId: post.ownerId },
});
