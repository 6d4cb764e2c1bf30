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

export const postChanged = (type: Exclude<(typeof PostEvents)[keyof typeof PostEvents], 'posts.created' | 'posts.deleted'>, post: { id: Id; ownerId: Id }): DomainEvent => ({
  type,
  payload: { postId: post.id, ownerId: post.ownerId },
});

export interface PostDeletedPayload {
  postId: Id;
  ownerId: Id;
  /**
   * The blob keys of the post's photos. The row is gone when consumers run, so the
   * event carries them: files are removed by a job, durably, after the commit.
   */
  files: string[];
}

export const postDeleted = (post: { id: Id; ownerId: Id }, files: string[]): DomainEvent<typeof PostEvents.deleted, PostDeletedPayload> => ({
  type: PostEvents.deleted,
  payload: { postId: post.id, ownerId: post.ownerId, files },
});
