import type { Id } from '../../platform/ids.js';
import type { GeoPoint, Photo, Post, PostStore } from '../../modules/posts/public.js';
import { fromDb, idList, MAX_POSITION, num, type Sqlite, toDb } from './database.js';
import type { OutboxWriter } from './event-log.sqlite.js';

type Row = Record<string, unknown>;

/** Posts and photos in SQLite; photo rows are read in one query per batch of posts. */
export function createSqlitePostStore(db: Sqlite, outbox: OutboxWriter): PostStore {
  const q = prepare(db);
  const tx = <R>(fn: () => R): R => db.transaction(fn)();

  function load(rows: Row[]): Post[] {
    if (rows.length === 0) return [];
    const photos = new Map<string, Photo[]>();
    for (const row of q.photosOf.all(idList(rows.map((r) => fromDb(r.id)))) as Row[]) {
      const list = photos.get(fromDb(row.post_id)) ?? [];
      list.push(toPhoto(row));
      photos.set(fromDb(row.post_id), list);
    }
    return rows.map((row) => toPost(row, photos.get(fromDb(row.id)) ?? []));
  }
  const bumpCount = (ownerId: bigint, by: number) => q.bumpCount.run({ owner: ownerId, by });

  return {
    async create(post, key, events) {
      return tx(() => {
        const owner = toDb(post.ownerId);
        if (key) {
          const existing = q.idempotent.pluck().get(owner, key);
          if (existing !== undefined) return { created: false as const, existingId: fromDb(existing) };
        }
        q.insertPost.run({
          id: toDb(post.id), owner, caption: post.caption, hashtags: JSON.stringify(post.hashtags), mentions: JSON.stringify(post.mentions),
          location: post.location ? JSON.stringify(post.location) : null, tags: JSON.stringify(post.tags), crop: post.crop,
          created: post.createdAt.getTime(), updated: post.updatedAt.getTime(),
        });
        for (const [position, photo] of post.photos.entries()) {
          q.insertPhoto.run({
            post: toDb(post.id), position, owner, alt: photo.alt, filter: photo.filter, width: photo.width, height: photo.height,
            color: photo.color, placeholder: photo.placeholder, variants: JSON.stringify(photo.variants),
            original: photo.originalKey, sha: photo.sha256, phash: photo.perceptualHash,
          });
        }
        if (key) q.insertIdempotency.run(owner, key, toDb(post.id));
        bumpCount(owner, 1);
        outbox.append(events);
        return { created: true as const };
      });
    },
    async findByIdempotencyKey(ownerId, key) {
      const id = q.idempotent.pluck().get(toDb(ownerId), key);
      return id === undefined ? null : fromDb(id);
    },
    async findById(id) {
      return load(q.byIds.all(idList([id])) as Row[])[0] ?? null;
    },
    async findManyByIds(ids) {
      if (ids.length === 0) return [];
      const byId = new Map(load(q.byIds.all(idList(ids)) as Row[]).map((p) => [p.id, p]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
    async update(id, patch, at, events) {
      return tx(() => {
        const row = q.byIds.get(idList([id])) as Row | undefined;
        if (!row) return null;
        q.updatePost.run({
          id: toDb(id), caption: patch.caption ?? null,
          hashtags: patch.hashtags ? JSON.stringify(patch.hashtags) : null, mentions: patch.mentions ? JSON.stringify(patch.mentions) : null,
          comments: patch.commentsDisabled === undefined ? null : Number(patch.commentsDisabled),
          hide: patch.hideLikeCount === undefined ? null : Number(patch.hideLikeCount), updated: at.getTime(),
          // null is a value here (no place), so whether to write the column is its own flag.
          setLocation: Number(patch.location !== undefined), location: patch.location ? JSON.stringify(patch.location) : null,
        });
        for (const [position, alt] of (patch.alts ?? []).entries()) q.updateAlt.run(alt, toDb(id), position);
        outbox.append(events);
        return load(q.byIds.all(idList([id])) as Row[])[0] ?? null;
      });
    },
    async setArchived(id, archivedAt, events) {
      return tx(() => {
        const row = q.byIds.get(idList([id])) as Row | undefined;
        if (!row) return false;
        const wasArchived = row.archived_at !== null;
        q.setArchived.run(archivedAt ? archivedAt.getTime() : null, toDb(id));
        if (wasArchived !== (archivedAt !== null)) bumpCount(row.owner_id as bigint, archivedAt ? -1 : 1);
        outbox.append(events);
        return true;
      });
    },
    async remove(id, events) {
      return tx(() => {
        const post = load(q.byIds.all(idList([id])) as Row[])[0];
        if (!post) return null;
        q.deletePost.run(toDb(id));
        if (!post.archivedAt) bumpCount(toDb(post.ownerId), -1);
        outbox.append(events);
        return post;
      });
    },
    async listByOwner(ownerId, archived, after, limit) {
      const rows = q.byOwner.pluck().all(toDb(ownerId), archived ? 1 : 0, after === null ? MAX_POSITION : toDb(after), limit + 1) as bigint[];
      const ids = rows.slice(0, limit).map(fromDb);
      return { ids, next: rows.length > limit ? ids[ids.length - 1]! : null };
    },
    async counts(ownerIds) {
      const result = new Map<Id, number>(ownerIds.map((id) => [id, 0]));
      if (ownerIds.length === 0) return result;
      for (const row of q.counts.all(idList(ownerIds)) as Row[]) result.set(fromDb(row.owner_id), num(row.posts));
      return result;
    },
    async withExactPhoto(ownerId, sha256) {
      return (q.bySha.pluck().all(toDb(ownerId), sha256) as bigint[]).map(fromDb);
    },
    async recentPerceptualHashes(ownerId, limit) {
      return (q.recentHashes.all(toDb(ownerId), limit) as Row[]).map((row) => ({ postId: fromDb(row.post_id), hash: String(row.phash) }));
    },
    async allIdsOf(ownerId) {
      return (q.allOf.pluck().all(toDb(ownerId)) as bigint[]).map(fromDb);
    },
  };
}

function toPhoto(row: Row): Photo {
  return {
    alt: String(row.alt), filter: String(row.filter) as Photo['filter'], width: num(row.width), height: num(row.height),
    color: String(row.color), placeholder: String(row.placeholder), variants: JSON.parse(String(row.variants)),
    originalKey: String(row.original_key), sha256: String(row.sha256), perceptualHash: String(row.phash),
  };
}

function toPost(row: Row, photos: Photo[]): Post {
  return {
    id: fromDb(row.id), ownerId: fromDb(row.owner_id), caption: String(row.caption),
    hashtags: JSON.parse(String(row.hashtags)), mentions: JSON.parse(String(row.mentions)),
    location: row.location === null ? null : (JSON.parse(String(row.location)) as GeoPoint),
    tags: JSON.parse(String(row.tags)), crop: String(row.crop) as Post['crop'], photos,
    commentsDisabled: num(row.comments_disabled) === 1, hideLikeCount: num(row.hide_like_count) === 1,
    archivedAt: row.archived_at === null ? null : new Date(num(row.archived_at)),
    createdAt: new Date(num(row.created_at)), updatedAt: new Date(num(row.updated_at)),
  };
}

function prepare(db: Sqlite) {
  return {
    insertPost: db.prepare(`INSERT INTO posts (id, owner_id, caption, hashtags, mentions, location, tags, crop, created_at, updated_at)
      VALUES (@id, @owner, @caption, @hashtags, @mentions, @location, @tags, @crop, @created, @updated)`),
    insertPhoto: db.prepare(`INSERT INTO post_photos (post_id, position, owner_id, alt, filter, width, height, color, placeholder, variants, original_key, sha256, phash)
      VALUES (@post, @position, @owner, @alt, @filter, @width, @height, @color, @placeholder, @variants, @original, @sha, @phash)`),
    insertIdempotency: db.prepare('INSERT INTO post_idempotency (owner_id, key, post_id) VALUES (?, ?, ?)'),
    idempotent: db.prepare('SELECT post_id FROM post_idempotency WHERE owner_id = ? AND key = ?'),
    byIds: db.prepare('SELECT * FROM posts WHERE id IN (SELECT value FROM json_each(?))'),
    photosOf: db.prepare('SELECT * FROM post_photos WHERE post_id IN (SELECT value FROM json_each(?)) ORDER BY post_id, position'),
    updatePost: db.prepare(`UPDATE posts SET caption = coalesce(@caption, caption), hashtags = coalesce(@hashtags, hashtags),
      mentions = coalesce(@mentions, mentions), comments_disabled = coalesce(@comments, comments_disabled),
      hide_like_count = coalesce(@hide, hide_like_count), location = CASE WHEN @setLocation THEN @location ELSE location END,
      updated_at = @updated WHERE id = @id`),
    updateAlt: db.prepare('UPDATE post_photos SET alt = ? WHERE post_id = ? AND position = ?'),
    setArchived: db.prepare('UPDATE posts SET archived_at = ? WHERE id = ?'),
    deletePost: db.prepare('DELETE FROM posts WHERE id = ?'),
    byOwner: db.prepare('SELECT id FROM posts WHERE owner_id = ? AND (archived_at IS NOT NULL) = ? AND id < ? ORDER BY id DESC LIMIT ?'),
    bumpCount: db.prepare(`INSERT INTO post_counts (owner_id, posts) VALUES (@owner, max(@by, 0))
      ON CONFLICT(owner_id) DO UPDATE SET posts = max(posts + @by, 0)`),
    counts: db.prepare('SELECT owner_id, posts FROM post_counts WHERE owner_id IN (SELECT value FROM json_each(?))'),
    bySha: db.prepare('SELECT post_id FROM post_photos WHERE owner_id = ? AND sha256 = ? ORDER BY post_id DESC'),
    recentHashes: db.prepare('SELECT post_id, phash FROM post_photos WHERE owner_id = ? ORDER BY post_id DESC LIMIT ?'),
    allOf: db.prepare('SELECT id FROM posts WHERE owner_id = ?'),
  };
}
