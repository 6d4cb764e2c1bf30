import type { Clock } from '../../platform/clock.js';
import type { Id, IdGenerator } from '../../platform/ids.js';
import { cleanText, hasForbiddenCharacters } from '../../platform/text.js';
import type { GraphReader } from '../graph/public.js';
import { AppError } from '../../platform/errors.js';
import { commentDeleted, commented } from './interactions.events.js';
import { commentNotFound, commentsDisabled, emptyComment, notYourComment, replyElsewhere } from './interactions.errors.js';
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

  async function threadOf(postId: Id, replyTo: Id | undefined): Promise<Id | null> {
    if (replyTo === undefined) return null;
    const parent = await comments.findById(replyTo);
    if (!parent) throw commentNotFound();
    if (parent.postId !== postId) throw replyElsewhere();
    return parent.parentId ?? parent.id;
  }

  return {
    async add(viewerId: Id, postId: Id, input: NewComment): Promise<Comment> {
      const { post } = await gate.open(viewerId, postId);
      if (post.commentsDisabled) throw commentsDisabled();
      if (hasForbiddenCharacters(input.text)) throw new AppError(422, 'invalid_text', 'The comment contains invisible or control characters.', { fields: [{ field: 'text', message: 'contains invisible or control characters' }] });
      const text = cleanText(input.text, { multiline: true });
      if (text === '') throw emptyComment();
      const parentId = await threadOf(postId, input.replyTo);
      const restricted = viewerId !== post.ownerId && (await deps.graph.facts(post.ownerId, viewerId)).restricting;
      const comment: Comment = {
        id: deps.ids.next(), postId, postAuthorId: post.ownerId, authorId: viewerId, parentId, text,
        mentions: commentMentions(text, input.mentionedUsers ?? []), restricted, likes: 0, replies: 0, createdAt: deps.clock.now(),
      };
      await comments.add(comment, [commented({
        postId, authorId: post.ownerId, commentId: comment.id, userId: viewerId, parentId, mentions: comment.mentions,
      })]);
      return comment;
    },

    /** The writer may delete their comment; the post's author may delete any comment on the post. */
    async remove(viewerId: Id, postId: Id, commentId: Id): Promise<void> {
      const comment = await comments.findById(commentId);
      if (!comment || comment.postId !== postId) throw commentNotFound();
      if (viewerId !== comment.authorId && viewerId !== comment.postAuthorId) {
        await gate.open(viewerId, postId);
        throw notYourComment();
      }
      await comments.remove(commentId, [commentDeleted({ postId, commentId })]);
    },

    /** A page of a post's top-level comments or of one thread's replies; blocked writers are left out. */
    async list(viewerId: Id | null, postId: Id, parentId: Id | null, after: Id | null, limit: number) {
      await gate.open(viewerId, postId);
      if (parentId !== null) {
        const parent = await comments.findById(parentId);
        if (!parent || parent.postId !== postId) throw commentNotFound();
      }
      const rows = await comments.list(postId, parentId, viewerId, after, limit + 1);
      const page = rows.slice(0, limit);
      const next = rows.length > limit ? page[page.length - 1]!.id : null;
      const writers = [...new Set(page.map((c) => c.authorId))];
      const hidden = viewerId ? await deps.graph.blockedAmong(viewerId, writers) : new Set<Id>();
      return { comments: page.filter((c) => !hidden.has(c.authorId)), next };
    },

    async like(viewerId: Id, postId: Id, commentId: Id, on: boolean): Promise<Comment> {
      await gate.open(viewerId, postId);
      const comment = await comments.findById(commentId);
      if (!comment || comment.postId !== postId) throw commentNotFound();
      if (comment.restricted && viewerId !== comment.authorId && viewerId !== comment.postAuthorId) throw commentNotFound();
      if (on) await comments.like(commentId, viewerId, deps.clock.now());
      else await comments.unlike(commentId, viewerId);
      return (await comments.findById(commentId)) ?? comment;
    },
  };
}

export type Comments = ReturnType<typeof createComments>;
