import type { Comment, Post } from '@pictor/contract';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { errorText } from '../../api/client';
import { Avatar } from '../../ui/Avatar';
import { ErrorNote } from '../../ui/ErrorNote';
import { LoadMore, TryAgain } from '../../ui/LoadMore';
import { useMe } from '../auth/session';
import { RichText, TimeAgo } from '../posts/Caption';
import { useAddComment, useComments, useDeleteComment } from './api';
import { CommentLikeButton, useCommentLike } from './CommentLike';

/** Top-level comments with their reply threads, and the box to add one. */
export function Comments({ post }: { post: Post }) {
  const me = useMe().data;
  const comments = useComments(post.id);
  const add = useAddComment(post.id);
  const [text, setText] = useState('');
  const [replyTo, setReplyTo] = useState<Comment | null>(null);
  const inputId = useId();
  const items = comments.data?.pages.flatMap((p) => p.items) ?? [];

  function submit(event: FormEvent) {
    event.preventDefault();
    const mentions = [...text.matchAll(/@([\p{L}\p{N}_.]+)/gu)].map((m) => m[1]!);
    add.mutate(
      { text, replyTo: replyTo?.id, mentionedUsers: mentions.length ? mentions : undefined },
      { onSuccess: () => { setText(''); setReplyTo(null); } },
    );
  }
  function reply(comment: Comment) {
    setReplyTo(comment);
    setText(`@${comment.author.username} `);
    document.getElementById(inputId)?.focus();
  }

  return (
    <section id="comments" className="comments" aria-label="Comments">
      <ul className="comment-list">
        {items.map((comment) => (
          <CommentItem key={comment.id} post={post} comment={comment} onReply={reply} />
        ))}
      </ul>
      {comments.isLoadingError ? <TryAgain error={comments.error} retry={comments.refetch} /> : <LoadMore query={comments} ahead={0} />}
      {post.commentsDisabled ? (
        <p className="muted">Commenting has been turned off.</p>
      ) : me ? (
        <form className="comment-form" onSubmit={submit}>
          <label htmlFor={inputId} className="visually-hidden">
            Add a comment
          </label>
          <input id={inputId} value={text} onChange={(e) => setText(e.target.value)} placeholder={replyTo ? `Reply to ${replyTo.author.username}…` : 'Add a comment…'} maxLength={2200} />
          <button type="submit" className="btn btn-link" disabled={!text.trim() || add.isPending}>
            Post
          </button>
        </form>
      ) : (
        <p className="muted">
          <Link to={`/accounts/login?next=/p/${post.id}`}>Sign in</Link> to comment.
        </p>
      )}
      {add.error ? <ErrorNote>{errorText(add.error)}</ErrorNote> : null}
    </section>
  );
}

function CommentItem({ post, comment, onReply, isReply }: { post: Post; comment: Comment; onReply: (c: Comment) => void; isReply?: boolean }) {
  const [open, setOpen] = useState(false);
  const me = useMe().data;
  const remove = useDeleteComment(post.id);
  const like = useCommentLike(post.id, comment);
  const canDelete = me && (me.id === comment.author.id || me.id === post.author.id);
  return (
    <li className="comment">
      <Avatar avatar={comment.author.avatar} username={comment.author.username} size={28} />
      <div className="comment-main">
        <p>
          <Link to={`/${comment.author.username}`} className="strong">
            {comment.author.username}
          </Link>{' '}
          <RichText text={comment.text} />
        </p>
        <div className="comment-meta">
          <TimeAgo iso={comment.createdAt} />
          {like.likes ? <span>{like.likes.toLocaleString()} {like.likes === 1 ? 'like' : 'likes'}</span> : null}
          <button type="button" onClick={() => onReply(isReply ? { ...comment, id: comment.parentId ?? comment.id } : comment)}>
            Reply
          </button>
          {canDelete ? (
            <button type="button" onClick={() => remove.mutate(comment.id)} aria-label={`Delete comment by ${comment.author.username}`}>
              Delete
            </button>
          ) : null}
        </div>
        {!isReply && comment.replies > 0 ? (
          <button type="button" className="replies-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? 'Hide replies' : `View replies (${comment.replies})`}
          </button>
        ) : null}
        {like.error ? <ErrorNote>{errorText(like.error)}</ErrorNote> : null}
        {open ? <Replies post={post} parent={comment} onReply={onReply} /> : null}
      </div>
      <CommentLikeButton author={comment.author.username} liked={like.liked} onToggle={() => like.toggle()} />
    </li>
  );
}

function Replies({ post, parent, onReply }: { post: Post; parent: Comment; onReply: (c: Comment) => void }) {
  const replies = useComments(post.id, parent.id);
  return (
    <>
      <ul className="comment-list replies">
        {replies.data?.pages.flatMap((p) => p.items).map((c) => <CommentItem key={c.id} post={post} comment={c} onReply={onReply} isReply />)}
      </ul>
      {replies.isLoadingError ? <TryAgain error={replies.error} retry={replies.refetch} /> : <LoadMore query={replies} ahead={0} />}
    </>
  );
}
