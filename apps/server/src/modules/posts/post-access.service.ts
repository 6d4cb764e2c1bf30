import type { Clock } from '../../platform/clock.js';
import { notFound } from '../../platform/errors.js';
import type { Id } from '../../platform/ids.js';
import type { AccountDirectory, User } from '../accounts/public.js';
import type { Visibility } from '../graph/public.js';
import type { PhotoPipeline } from '../media/public.js';
import { cleanAlt, parseCaption } from './caption.js';
import { type PlaceInput, validateLocation } from './location.js';
import { PostEvents, postChanged, postDeleted } from './posts.events.js';
import { invalidField, notYourPost, postNotFound } from './posts.errors.js';
import type { PostStore } from './posts.ports.js';
import type { Post, PostPatch } from './posts.types.js';

export interface PostEdit {
  caption?: string;
  alts?: string[];
  /** A place as publishing takes it; null removes the post's place; undefined keeps it. */
  location?: PlaceInput | null;
  commentsDisabled?: boolean;
  hideLikeCount?: boolean;
}

export interface AccessDeps {
  posts: PostStore;
  photos: PhotoPipeline;
  accounts: AccountDirectory;
  visibility: Visibility;
  clock: Clock;
}

/**
 * Who may see and change a post. Hidden (blocked, private and not followed,
 * archived and not the owner) reads as "not found", so nothing leaks.
 */
export function createPostAccess(deps: AccessDeps) {
  const { posts } = deps;

  async function visibleTo(viewerId: Id | null, post: Post, owner: User | null): Promise<boolean> {
    if (!owner) return false;
    if (post.archivedAt && viewerId !== post.ownerId) return false;
    return deps.visibility.canSeeContent(viewerId, owner);
  }

  async function owned(viewerId: Id, postId: Id): Promise<Post> {
    const post = await posts.findById(postId);
    if (!post) throw postNotFound();
    if (post.ownerId !== viewerId) {
      const owner = await deps.accounts.findById(post.ownerId);
      throw (await visibleTo(viewerId, post, owner)) ? notYourPost() : postNotFound();
    }
    return post;
  }

  return {
    /** One post with its author, if the viewer may see it. */
    async read(viewerId: Id | null, postId: Id): Promise<{ post: Post; author: User }> {
      const post = await posts.findById(postId);
      const author = post ? await deps.accounts.findById(post.ownerId) : null;
      if (!post || !author || !(await visibleTo(viewerId, post, author))) throw postNotFound();
      return { post, author };
    },

    /**
     * One owner's posts in the order of `ids`, for a caller that has already found the
     * viewer may see that owner's posts (a profile, an album): only the archive rule is
     * left to apply, so there is no second look at the relations. One batch.
     */
    async ofOwner(viewerId: Id | null, owner: User, ids: readonly Id[]): Promise<{ post: Post; author: User }[]> {
      const found = await posts.findManyByIds(ids);
      return found.filter((post) => post.ownerId === owner.id && (!post.archivedAt || viewerId === owner.id)).map((post) => ({ post, author: owner }));
    },

    async edit(viewerId: Id, postId: Id, edit: PostEdit): Promise<Post> {
      const post = await owned(viewerId, postId);
      const patch: PostPatch = { commentsDisabled: edit.commentsDisabled, hideLikeCount: edit.hideLikeCount };
      if (edit.caption !== undefined) {
        const parsed = parseCaption(edit.caption);
        Object.assign(patch, { caption: parsed.text, hashtags: parsed.hashtags, mentions: parsed.mentions });
      }
      if (edit.alts !== undefined) {
        if (edit.alts.length !== post.photos.length) throw invalidField('alts', `give one alt text for each of the ${post.photos.length} photos`);
        patch.alts = edit.alts.map(cleanAlt);
      }
      if (edit.location !== undefined) patch.location = edit.location === null ? null : validateLocation(edit.location);
      // An edit naming no field changes nothing: no new edit time, no posts.updated for followers' feeds.
      if (Object.values(patch).every((value) => value === undefined)) return post;
      const updated = await posts.update(postId, patch, deps.clock.now(), [postChanged(PostEvents.updated, post)]);
      if (!updated) throw postNotFound();
      return updated;
    },

    async setArchived(viewerId: Id, postId: Id, archived: boolean): Promise<Post> {
      const post = await owned(viewerId, postId);
      if (Boolean(post.archivedAt) !== archived) {
        const event = postChanged(archived ? PostEvents.archived : PostEvents.unarchived, post);
        await posts.setArchived(postId, archived ? deps.clock.now() : null, [event]);
      }
      const current = await posts.findById(postId);
      if (!current) throw postNotFound();
      return current;
    },

    /**
     * Deletes the post. The row goes first so nothing ever points at a missing file;
     * the files follow through the outbox (posts.deleted names them), so a crash
     * after the commit cannot leave them behind.
     */
    async remove(viewerId: Id, postId: Id): Promise<void> {
      const post = await owned(viewerId, postId);
      await posts.remove(postId, [postDeleted(post, deps.photos.filesOf(post.photos))]);
    },

    /** The owner's private original of one photo (metadata intact). */
    async original(viewerId: Id, postId: Id, index: number): Promise<string> {
      const post = await owned(viewerId, postId);
      const photo = post.photos[index];
      if (!photo) throw notFound('That photo');
      return photo.originalKey;
    },
  };
}

export type PostAccess = ReturnType<typeof createPostAccess>;
