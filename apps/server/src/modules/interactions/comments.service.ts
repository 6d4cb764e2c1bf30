import type { Clock } from '../../platform/clock.js';
import { type Id, type IdGenerator, isId } from '../../platform/ids.js';
import { checkedText } from '../../platform/text.js';
import type { GraphReader } from '../graph/public.js';
import { commentDeleted, commented } from './interactions.events.js';
import { commentNotFound, commentsDisabled, emptyComment, notYourComment, postNotFound, replyElsewhere } from './interactions.errors.js';
import type { CommentStore } from './interactions.ports.js';
import type { Comment } from './interactions.types.js';
import type { PostGate } from './post-gate.js';

const MENTION = /(?:^|[^\p{L}\p{N}_.@])@([a-z0-9_](?:[a-z0-9_.]{0,29}))/giu;
const MAX_MENTIONS = 20;

/** "@Jane_Doe" and "jane_doe" name the same person; text mentions count too. */
export function commentMentions(text: string, mentionedUsers: readonly string[]): string[] {
  const fromText = [...text.matchAll(MENTION)].map((m) => m[1]!);
  const all = [...mentionedUsers, ...fromText].map((u) => u.trim().replace(/^@/, '').toLowerCase().replace(/\.+$/, ''));
  return [...new Set(all.filter((u) => /^[a-z0-9_][a-z0-9_.]{0,29}$/.test(u)))].slice(0, MAX_MENTIONS);
}

export interface NewComment {
  text: string;
  mentionedUsers?: string[];
  replyTo?: Id;
}

/**
 * Comments with one-level threads (a reply to a reply joins the top-level thread).
 * Comments off: nobody adds one. A restricted writer's comment is stored marked,
 * and shown only to them and the post's author.
 */
export function createComments(deps: { gate: PostGate; comments: CommentStore; graph: GraphReader; ids: IdGenerator; clock: Clock }) {
  const { gate, comments } = deps;

  /**
   * The comment, if the viewer may see it (and so read, reply to or like its thread): its
   * writer and the post's author always; anyone else neither when it is restricted nor
   * when they and its writer are blocked either way, as lists leave it out then. Null
   * otherwise, and for an id that cannot be ours (a body's replyTo is not range-checked by its schema).
   */
  async function readable(viewerId: Id | null, commentId: Id): Promise<Comment | null> {
    const comment = isId(commentId) ? await comments.findById(commentId) : null;
    if (!comment || viewerId === comment.authorId || viewerId === comment.postAuthorId) return comment;
    if (comment.restricted) return null;
    if (viewerId !== null && (await deps.graph.blockedAmong(viewerId, [comment.authorId])).size > 0) return null;
    return comment;
  }
  async function onPost(viewerId: Id | null, postId: Id, commentId: Id): Promise<Comment> {
    const comment = await readable(viewerId, commentId);
    if (!comment || comment.postId !== postId) throw commentNotFound();
    return comment;
  }
  async function threadOf(viewerId: Id, postId: Id, replyTo: Id | undefined): Promise<Id | null> {
    if (replyTo === undefined) return null;
    const parent = await readable(viewerId, replyTo);
    if (!parent) throw commentNotFound();
    if (parent.postId !== postId) throw replyElsewhere();
    return parent.parentId ?? parent.id;
  }

  return {
    async add(viewerId: Id, postId: Id, input: NewComment): Promise<Comment> {
      const { post } = await gate.open(viewerId, postId);
      if (post.commentsDisabled) throw commentsDisabled();
      const text = checkedText('text', input.text, { multiline: true });
      if (text === '') throw emptyComment();
      const parentId = await threadOf(viewerId, postId, input.replyTo);
      const restricted = viewerId !== post.ownerId && (await deps.graph.facts(post.ownerId, viewerId)).restricting;
      const comment: Comment = {
        id: deps.ids.next(), postId, postAuthorId: post.ownerId, authorId: viewerId, parentId, text,
        mentions: commentMentions(text, input.mentionedUsers ?? []), restricted, likes: 0, replies: 0, createdAt: deps.clock.now(),
      };
      const added = await comments.add(comment, [commented({
        postId, authorId: post.ownerId, commentId: comment.id, userId: viewerId, parentId, mentions: comment.mentions,
      })]);
      if (!added) throw commentNotFound();
      if (!(await gate.stillExists(postId))) {
        await comments.remove(comment.id, [commentDeleted({ postId, commentId: comment.id })]);
        throw postNotFound();
      }
      return comment;
    },

    /** The writer may delete their comment; the post's author may delete any comment on the post. */
    async remove(viewerId: Id, postId: Id, commentId: Id): Promise<void> {
      const comment = await onPost(viewerId, postId, commentId);
      if (viewerId !== comment.authorId && viewerId !== comment.postAuthorId) {
        await gate.open(viewerId, postId);
        throw notYourComment();
      }
      await comments.remove(commentId, [commentDeleted({ postId, commentId })]);
    },

    /** A page of a post's top-level comments or of one thread's replies; blocked writers are left out. */
    async list(viewerId: Id | null, postId: Id, parentId: Id | null, after: Id | null, limit: number) {
      await gate.open(viewerId, postId);
      if (parentId !== null) await onPost(viewerId, postId, parentId);
      const rows = await comments.list(postId, parentId, viewerId, after, limit + 1);
      const page = rows.slice(0, limit);
      const next = rows.length > limit ? page[page.length - 1]!.id : null;
      const writers = [...new Set(page.map((c) => c.authorId))];
      const hidden = viewerId ? await deps.graph.blockedAmong(viewerId, writers) : new Set<Id>();
      return { comments: page.filter((c) => !hidden.has(c.authorId)), next };
    },

    async like(viewerId: Id, postId: Id, commentId: Id, on: boolean): Promise<Comment> {
      await gate.open(viewerId, postId);
      await onPost(viewerId, postId, commentId);
      if (on) await comments.like(commentId, viewerId, deps.clock.now());
      else await comments.unlike(commentId, viewerId);
      // Deleted meanwhile (the store then wrote no like): the same 404 as had it been gone before.
      const after = await comments.findById(commentId);
      if (!after) throw commentNotFound();
      return after;
    },
  };
}

export type Comments = ReturnType<typeof createComments>;
