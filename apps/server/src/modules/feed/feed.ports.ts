import type { Id } from '../../platform/ids.js';

/** One timeline row: a post id and who wrote it. Ids are time-sortable: bigger is newer. */
export interface TimelineEntry {
  postId: Id;
  authorId: Id;
}

/** One post for many readers' timelines. */
export interface TimelineDelivery {
  entry: TimelineEntry;
  readerIds: readonly Id[];
}

/**
 * Home timelines for the hybrid fan-out: each reader's capped list of post ids,
 * newest first. Inserts are idempotent (re-delivering a fan-out batch changes
 * nothing) and keep each timeline near `capacity` entries, dropping the oldest.
 */
export interface TimelineStore {
  /**
   * Puts posts into readers' timelines, all of `deliveries` in one transaction (a
   * fan-out batch of many posts). Within one reader, entries go in as given; give
   * older posts first. Returns how many rows were new.
   */
  push(deliveries: readonly TimelineDelivery[]): Promise<number>;
  /** Newest first, post id strictly below `beforeId` when given, at most `limit`. */
  read(readerId: Id, beforeId: Id | null, limit: number): Promise<TimelineEntry[]>;
  /** Drops every post by `authorId` from one reader's timeline (unfollow, block). */
  removeAuthor(readerId: Id, authorId: Id): Promise<number>;
  /** Drops a post from every timeline (deleted or archived). */
  removePost(postId: Id): Promise<number>;
  /** When the reader last read the feed (coalesced by the caller), or null if never. */
  lastRead(readerId: Id): Promise<Date | null>;
  markRead(readerId: Id, at: Date): Promise<void>;
  /** Authors whose posts are merged at read time rather than pushed. */
  celebrities(): Promise<Id[]>;
  setCelebrity(authorId: Id, on: boolean): Promise<void>;
}

/** A read model over published posts that the feed pulls from (celebrity merge, rebuilds, backfill). */
export interface RecentPosts {
  /**
   * Unarchived posts by any of `authorIds`, newest first, ids strictly below
   * `beforeId` when given, at most `limit`. One round trip; reads at most `limit`
   * posts per author, so it stays cheap for many authors.
   */
  recentByAuthors(authorIds: readonly Id[], beforeId: Id | null, limit: number): Promise<TimelineEntry[]>;
}
