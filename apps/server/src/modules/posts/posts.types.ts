import type { Id } from '../../platform/ids.js';
import type { CropAspect, FilterName, StoredPhoto } from '../media/public.js';

/** Where a post was made: a place name, with coordinates only when the device shared them (both or neither). */
export interface GeoPoint {
  lat?: number;
  lon?: number;
  name: string;
}

export interface Photo extends StoredPhoto {
  alt: string;
  filter: FilterName;
}

export interface Post {
  id: Id;
  ownerId: Id;
  caption: string;
  hashtags: string[];
  mentions: string[];
  location: GeoPoint | null;
  tags: string[];
  crop: CropAspect;
  photos: Photo[];
  commentsDisabled: boolean;
  hideLikeCount: boolean;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What the owner may change after publishing. A field left undefined keeps its value. */
export interface PostPatch {
  caption?: string;
  hashtags?: string[];
  mentions?: string[];
  alts?: string[];
  /** A new place; null removes the post's place. */
  location?: GeoPoint | null;
  commentsDisabled?: boolean;
  hideLikeCount?: boolean;
}

export interface Album {
  id: Id;
  ownerId: Id;
  name: string;
  postCount: number;
  coverPostId: Id | null;
  createdAt: Date;
}

/** An earlier post of the same owner that holds the same (or a near-identical) picture. */
export interface DuplicateMatch {
  photoIndex: number;
  postId: Id;
  kind: 'exact' | 'similar';
}

export interface IdPage {
  ids: Id[];
  /** The position to continue after, or null on the last page. */
  next: string | null;
}
