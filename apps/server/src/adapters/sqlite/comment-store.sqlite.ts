import type { Comment, CommentStore } from '../../modules/interactions/public.js';
import { fromDb, idList, num, type Sqlite, toDb } from './database.js';
import { preparePostCounterBump } from './engagement-store.sqlite.js';
import type { OutboxWriter } from './event-log.sqlite.js';

const COLUMNS = 'id, post_id, post_author_id, author_id, parent_id, text, mentions, restricted, likes, replies, created_at';

function toComment(row: Record<string, unknown>): Comment {
  return {
    id: fromDb(row.id),
    postId: fromDb(row.post_id),
    postAuthorId: fromDb(row.post_author_id),
    authorId: fromDb(row.author_id),
    parentId: row.parent_id === null ? null : fromDb(row.parent_id),
    text: String(row.text),
    mentions: JSON.parse(String(row.mentions)) as string[],
    restricted: num(row.restricted) === 1,
    likes: num(row.likes),
    replies: num(row.replies),
    createdAt: new Date(num(row.created_at)),
  };
}

/** Comments with one-level threads; counters move in the same transaction as the rows. */
export function createSqliteCommentStore(db: Sqlite, outbox: OutboxWriter): CommentStore {
  const q = prepare(db);
  /** A visible (unrestricted) comment counts on its post, and a reply on its parent. */
  function count(comment: { post_id: bigint; parent_id: bigint | null; restricted: number | bigint }, delta: number) {
    if (num(comment.restricted) === 1) return;
    q.bumpComments.run({ post: comment.post_id, delta });
    if (comment.parent_id !== null) q.bumpReplies.run(delta, comment.parent_id);
  }
  /** A reply whose thread was deleted meanwhile is not written: it would count and never show. */
  const add = db.transaction((c: Comment, events): boolean => {
    if (c.parentId !== null && q.exists.get(toDb(c.parentId)) === undefined) return false;
    const row = {
      id: toDb(c.id), post_id: toDb(c.postId), post_author_id: toDb(c.postAuthorId), author_id: toDb(c.authorId),
      parent_id: c.parentId === null ? null : toDb(c.parentId), text: c.text, mentions: JSON.stringify(c.mentions),
      restricted: c.restricted ? 1 : 0, created_at: c.createdAt.getTime(),
    };
    q.insert.run(row);
    count(row, 1);
    outbox.append(events);
    return true;
  });
  const remove = db.transaction((id: bigint, events) => {
    const row = q.byId.get(id) as { post_id: bigint; parent_id: bigint | null; restricted: bigint } | undefined;
    if (!row) return false;
    for (const reply of q.repliesOf.all(row.post_id, id) as { id: bigint; post_id: bigint; parent_id: bigint; restricted: bigint }[]) {
      q.deleteLikes.run(reply.id);
      q.delete.run(reply.id);
      count({ ...reply, parent_id: null }, -1);
    }
    q.deleteLikes.run(id);
    q.delete.run(id);
    count(row, -1);
    outbox.append(events);
    return true;
  });
  /** Nor is a like of a comment deleted meanwhile: its likes were removed with it. */
  const likeComment = db.transaction((comment: bigint, user: bigint, at: number) => {
    if (q.exists.get(comment) === undefined) return 'gone';
    if (q.insertLike.run(comment, user, at).changes === 0) return 'exists';
    q.bumpLikes.run(1, comment);
    return 'created';
  });
  const unlikeComment = db.transaction((comment: bigint, user: bigint) => {
    if (q.deleteLike.run(comment, user).changes === 0) return false;
    q.bumpLikes.run(-1, comment);
    return true;
  });

  return {
    async add(comment, events) {
      return add(comment, events);
    },
    async findById(id) {
      const row = q.byId.get(toDb(id)) as Record<string, unknown> | undefined;
      return row ? toComment(row) : null;
    },
    async remove(id, events) {
      return remove(toDb(id), events);
    },
    async list(postId, parentId, viewerId, afterId, limit) {
      const params = { post: toDb(postId), parent: parentId === null ? null : toDb(parentId), viewer: viewerId === null ? -1n : toDb(viewerId), after: afterId === null ? 0n : toDb(afterId), limit };
      const rows = (parentId === null ? q.listTop : q.listReplies).all(params) as Record<string, unknown>[];
      return rows.map(toComment);
    },
    async like(commentId, userId, at) {
      return likeComment(toDb(commentId), toDb(userId), at.getTime());
    },
    async unlike(commentId, userId) {
      return unlikeComment(toDb(commentId), toDb(userId));
    },
    async likedAmong(userId, commentIds) {
      if (commentIds.length === 0) return new Set();
      return new Set((q.likedAmong.pluck().all({ user: toDb(userId), ids: idList(commentIds) }) as bigint[]).map(fromDb));
    },
  };
}

function prepare(db: Sqlite) {
  const visible = '(restricted = 0 OR author_id = @viewer OR post_author_id = @viewer)';
  return {
    insert: db.prepare(`INSERT INTO comments (${COLUMNS}) VALUES (@id, @post_id, @post_author_id, @author_id, @parent_id, @text, @mentions, @restricted, 0, 0, @created_at)`),
    byId: db.prepare(`SELECT ${COLUMNS} FROM comments WHERE id = ?`),
    exists: db.prepare('SELECT 1 FROM comments WHERE id = ?'),
    // With the post: the index is (post_id, parent_id); by parent alone each delete scanned every comment.
    repliesOf: db.prepare('SELECT id, post_id, parent_id, restricted FROM comments WHERE post_id = ? AND parent_id = ?'),
    delete: db.prepare('DELETE FROM comments WHERE id = ?'),
    deleteLikes: db.prepare('DELETE FROM comment_likes WHERE comment_id = ?'),
    bumpComments: preparePostCounterBump(db, 'comments'),
    bumpReplies: db.prepare('UPDATE comments SET replies = max(replies + ?, 0) WHERE id = ?'),
    listTop: db.prepare(`SELECT ${COLUMNS} FROM comments WHERE post_id = @post AND parent_id IS NULL AND id > @after AND ${visible} ORDER BY id LIMIT @limit`),
    listReplies: db.prepare(`SELECT ${COLUMNS} FROM comments WHERE post_id = @post AND parent_id = @parent AND id > @after AND ${visible} ORDER BY id LIMIT @limit`),
    insertLike: db.prepare('INSERT OR IGNORE INTO comment_likes (comment_id, user_id, created_at) VALUES (?, ?, ?)'),
    deleteLike: db.prepare('DELETE FROM comment_likes WHERE comment_id = ? AND user_id = ?'),
    bumpLikes: db.prepare('UPDATE comments SET likes = max(likes + ?, 0) WHERE id = ?'),
    likedAmong: db.prepare('SELECT j.value FROM json_each(@ids) j WHERE EXISTS(SELECT 1 FROM comment_likes WHERE comment_id = j.value AND user_id = @user)'),
  };
}
