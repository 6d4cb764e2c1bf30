import type { Id } from '../../platform/ids.js';
import type { AccountDirectory, User } from '../accounts/public.js';
import type { Visibility } from '../graph/public.js';
import type { Post } from '../posts/public.js';
import { postNotFound } from './interactions.errors.js';

/** The slice of the posts store interactions need: reads by id, one round trip for many. */
export interface PostLookup {
  findById(id: Id): Promise<Post | null>;
  findManyByIds(ids: readonly Id[]): Promise<Post[]>;
}

export interface Shown {
  post: Post;
  author: User;
}

/**
 * Who may see (and so like, comment on, save) a post: the same rule as the posts
 * module — blocks either way, private accounts, archive (owner only).
 */
export function createPostGate(deps: { posts: PostLookup; accounts: AccountDirectory; visibility: Visibility }) {
  return {
    async open(viewerId: Id | null, postId: Id): Promise<Shown> {
      const post = await deps.posts.findById(postId);
      const author = post ? await deps.accounts.findById(post.ownerId) : null;
      if (!post || !author) throw postNotFound();
      if (post.archivedAt && viewerId !== post.ownerId) throw postNotFound();
      if (!(await deps.visibility.canSeeContent(viewerId, author))) throw postNotFound();
      return { post, author };
    },

    /**
     * Whether the post still exists, asked again after a like, comment or save is written:
     * a post deleted between `open` and that write has had (or will have) its likes,
     * comments and saves forgotten by a job that may already have run, so the caller takes
     * its write back instead of leaving a row for a post that is gone.
     */
    async stillExists(postId: Id): Promise<boolean> {
      return (await deps.posts.findById(postId)) !== null;
    },

    /**
     * Posts in the order of `ids` that the viewer may see, with their authors.
     * A fixed number of round trips whatever the count: posts, authors, then the graph's batch rule.
     */
    async openMany(viewerId: Id | null, ids: readonly Id[]): Promise<Shown[]> {
      const posts = await deps.posts.findManyByIds(ids);
      const authors = await deps.accounts.findManyByIds([...new Set(posts.map((p) => p.ownerId))]);
      const visible = await deps.visibility.visibleAmong(viewerId, authors);
      const byId = new Map(posts.map((p) => [p.id, p]));
      const authorById = new Map(authors.map((u) => [u.id, u]));
      return ids.flatMap((id) => {
        const post = byId.get(id);
        const author = post && authorById.get(post.ownerId);
        if (!post || !author || !visible.has(author.id) || (post.archivedAt && viewerId !== post.ownerId)) return [];
        return [{ post, author }];
      });
    },
  };
}

export type PostGate = ReturnType<typeof createPostGate>;
