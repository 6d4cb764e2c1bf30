import type { DomainEvent } from '../../platform/events.js';
import type { Id } from '../../platform/ids.js';
import type { Affinity, Comment, CounterRebuild, IdPage, PostCounters } from './interactions.types.js';

export interface NewLike {
  postId: Id;
  userId: Id;
  /** The post's author, kept with the like for the affinity signal. */
  authorId: Id;
  seq: Id;
  at: Date;
}

/**
 * Likes and the derived post counters. The like row is the truth: a like is
 * idempotent per (post, user) and the counter moves in the same transaction as
 * the row, so concurrent likes always add up exactly.
 */
export interface EngagementStore {
  /** 'exists' (and no event, no counter change) when the user already likes the post. */
  like(like: NewLike, events: DomainEvent[]): Promise<'created' | 'exists'>;
  /**
   * True when there was a like to remove; only then are `events` asked for, given the
   * post's author kept on the like row (the unliker may no longer see the post), and written.
   */
  unlike(postId: Id, userId: Id, events: (authorId: Id) => DomainEvent[]): Promise<boolean>;
  /** Who liked the post, newest like first; `after` is the `next` of the previous page. */
  likers(postId: Id, after: string | null, limit: number): Promise<IdPage>;
  /** Of `postIds`, those the user likes. One round trip. */
  likedAmong(userId: Id, postIds: readonly Id[]): Promise<Set<Id>>;
  /** Counters for every id asked (zeros for none). One round trip. */
  counters(postIds: readonly Id[]): Promise<Map<Id, PostCounters>>;
  /** The viewer's likes and comments on each author's posts. One round trip. */
  affinity(viewerId: Id, authorIds: readonly Id[]): Promise<Map<Id, Affinity>>;
  /** Recomputes every post and comment counter from the like and comment rows. */
  rebuildCounters(): Promise<CounterRebuild>;
  /** Removes a deleted post's likes, comments, comment likes and counters. Idempotent. */
  forgetPost(postId: Id): Promise<void>;
  /**
   * Removes a deleted account's likes, comment likes and comments (with the replies
   * under them), and sets every counter they moved to what the remaining rows say. Idempotent.
   */
  forgetUser(userId: Id): Promise<void>;
}

/**
 * Comments and their one-level threads. Adding or removing a comment keeps the
 * post's comment counter and the parent's reply count exact in the same transaction.
 * Restricted comments are not counted: the public never sees them.
 */
export interface CommentStore {
  /** False, and nothing written, when the comment answers one that is gone (deleted meanwhile). */
  add(comment: Comment, events: DomainEvent[]): Promise<boolean>;
  findById(id: Id): Promise<Comment | null>;
  /** Removes the comment and, for a top-level one, its replies; false when it was already gone. */
  remove(id: Id, events: DomainEvent[]): Promise<boolean>;
  /**
   * Oldest first, ids strictly after `afterId`, at most `limit`. `parentId` null lists
   * top-level comments. Restricted comments appear only when `viewerId` wrote them or
   * is the post's author.
   */
  list(postId: Id, parentId: Id | null, viewerId: Id | null, afterId: Id | null, limit: number): Promise<Comment[]>;
  /** Idempotent per (comment, user); 'gone', and nothing written, when the comment was deleted meanwhile. */
  like(commentId: Id, userId: Id, at: Date): Promise<'created' | 'exists' | 'gone'>;
  unlike(commentId: Id, userId: Id): Promise<boolean>;
  likedAmong(userId: Id, commentIds: readonly Id[]): Promise<Set<Id>>;
}

/** Saved posts (Instagram's bookmark): private to the saver, newest save first. */
export interface SaveStore {
  save(userId: Id, postId: Id, seq: Id, at: Date): Promise<'created' | 'exists'>;
  unsave(userId: Id, postId: Id): Promise<boolean>;
  saved(userId: Id, after: string | null, limit: number): Promise<IdPage>;
  savedAmong(userId: Id, postIds: readonly Id[]): Promise<Set<Id>>;
  forgetPost(postId: Id): Promise<void>;
  /** Removes every save a deleted account made. Idempotent. */
  forgetUser(userId: Id): Promise<void>;
}
