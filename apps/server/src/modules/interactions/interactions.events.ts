import type { DomainEvent } from '../../platform/events.js';
import type { Id } from '../../platform/ids.js';

export const InteractionEvents = {
  liked: 'interactions.liked',
  unliked: 'interactions.unliked',
  commented: 'interactions.commented',
  commentDeleted: 'interactions.comment-deleted',
} as const;

/** authorId is the post's author: the person a notification would go to. */
export interface LikedPayload {
  postId: Id;
  authorId: Id;
  userId: Id;
}

export interface CommentedPayload {
  postId: Id;
  authorId: Id;
  commentId: Id;
  userId: Id;
  parentId: Id | null;
  /** Usernames mentioned, lower case, without '@'. */
  mentions: string[];
}

export const liked = (p: LikedPayload): DomainEvent<string, LikedPayload> => ({ type: InteractionEvents.liked, payload: p });
export const unliked = (p: LikedPayload): DomainEvent<string, LikedPayload> => ({ type: InteractionEvents.unliked, payload: p });
export const commented = (p: CommentedPayload): DomainEvent<string, CommentedPayload> => ({ type: InteractionEvents.commented, payload: p });
export const commentDeleted = (p: { postId: Id; commentId: Id }): DomainEvent => ({ type: InteractionEvents.commentDeleted, payload: p });
