import type { Id } from '../../platform/ids.js';

/** Derived counts for one post; rebuilt from the like and comment rows by `rebuildCounters`. */
export interface PostCounters {
  likes: number;
  comments: number;
}

export interface Comment {
  id: Id;
  postId: Id;
  /** The post's author: may delete any comment on the post, and sees restricted ones. */
  postAuthorId: Id;
  authorId: Id;
  /** The top-level comment this one answers; null for a top-level comment. Threads are one level deep. */
  parentId: Id | null;
  text: string;
  /** Lower-case usernames without '@', from `mentionedUsers` and the text. */
  mentions: string[];
  /** Written while the post's author restricted the writer: only the writer and the post's author see it. */
  restricted: boolean;
  likes: number;
  replies: number;
  createdAt: Date;
}

export interface IdPage {
  ids: Id[];
  /** Position to continue after, or null at the end. */
  next: string | null;
}

/** How much the viewer has engaged with an author's posts: the affinity signal for ranking. */
export interface Affinity {
  likes: number;
  comments: number;
}

/** What posts show about engagement to one viewer (the posts module's `PostEngagement`). */
export interface Engagement {
  likes: number | null;
  comments: number;
  viewerHasLiked: boolean;
  viewerHasSaved: boolean;
}

export interface CounterRebuild {
  posts: number;
  corrected: number;
  commentsCorrected: number;
}
