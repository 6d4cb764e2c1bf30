import type { DomainEvent } from '../../platform/events.js';
import type { Id } from '../../platform/ids.js';
import type { Album, IdPage, Post, PostPatch } from './posts.types.js';

/**
 * Posts and their photos. Every write takes the events that describe it and
 * appends them to the outbox in the same transaction.
 */
export interface PostStore {
  /**
   * Inserts the post and its photos. With an idempotency key already used by
   * this owner nothing is written and the earlier post's id is answered.
   */
  create(post: Post, idempotencyKey: string | null, events: DomainEvent[]): Promise<{ created: true } | { created: false; existingId: Id }>;
  /** The post id an owner's idempotency key produced, if any. */
  findByIdempotencyKey(ownerId: Id, key: string): Promise<Id | null>;
  findById(id: Id): Promise<Post | null>;
  /** Posts by id in the order asked, missing ones skipped. One round trip. */
  findManyByIds(ids: readonly Id[]): Promise<Post[]>;
  /**
   * Applies the owner's edit and stamps `updatedAt`: a field the patch leaves undefined
   * keeps its value; `location: null` removes the place. Answers the post as it now is,
   * or null when it does not exist.
   */
  update(id: Id, patch: PostPatch, at: Date, events: DomainEvent[]): Promise<Post | null>;
  /** Sets or clears the archive mark; false when the post does not exist. */
  setArchived(id: Id, archivedAt: Date | null, events: DomainEvent[]): Promise<boolean>;
  /** Removes the post, its photos and album entries; answers what was removed. */
  remove(id: Id, events: DomainEvent[]): Promise<Post | null>;
  /**
   * An owner's post ids, newest first, paged by id (stable under inserts).
   * `archived` picks archived posts only, or unarchived ones only.
   */
  listByOwner(ownerId: Id, archived: boolean, after: Id | null, limit: number): Promise<IdPage>;
  /** Unarchived post counts per owner. One round trip. */
  counts(ownerIds: readonly Id[]): Promise<Map<Id, number>>;
  /** An owner's posts holding a photo with this exact sha256, newest first. */
  withExactPhoto(ownerId: Id, sha256: string): Promise<Id[]>;
  /** (postId, perceptual hash) of an owner's most recent photos, at most `limit`. */
  recentPerceptualHashes(ownerId: Id, limit: number): Promise<{ postId: Id; hash: string }[]>;
  /** Every post id of an owner (account deletion). */
  allIdsOf(ownerId: Id): Promise<Id[]>;
}

/** Albums group an owner's posts (seed 004). Entries page newest-added first. */
export interface AlbumStore {
  create(album: Album): Promise<void>;
  findById(id: Id): Promise<Album | null>;
  rename(id: Id, name: string): Promise<boolean>;
  /** Removes the album and its entries, never the posts. */
  remove(id: Id): Promise<boolean>;
  /** Adds a post; adding it again is a no-op that answers false. */
  addPost(albumId: Id, postId: Id, seq: Id): Promise<boolean>;
  removePost(albumId: Id, postId: Id): Promise<boolean>;
  /** Post ids in the album, most recently added first. */
  posts(albumId: Id, after: string | null, limit: number): Promise<IdPage>;
  /** How many albums an owner has. */
  countOf(ownerId: Id): Promise<number>;
  /** An owner's albums, newest first. */
  listByOwner(ownerId: Id, after: Id | null, limit: number): Promise<{ albums: Album[]; next: string | null }>;
  /** Removes every album of an owner (account deletion). */
  removeAllOf(ownerId: Id): Promise<void>;
}

/** Likes, comments and what this viewer did, for one post. `likes` is null when hidden from the viewer. */
export interface PostEngagement {
  likes: number | null;
  comments: number;
  viewerHasLiked: boolean;
  viewerHasSaved: boolean;
}

/**
 * Engagement for a batch of posts in a fixed number of queries. Interactions
 * depend on posts, so the composition root supplies this from that module.
 */
export interface EngagementSource {
  forPosts(viewerId: Id | null, posts: readonly Post[]): Promise<Map<Id, PostEngagement>>;
}
