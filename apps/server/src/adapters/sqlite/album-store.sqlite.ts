import type { Album, AlbumStore } from '../../modules/posts/public.js';
import { fromDb, MAX_POSITION, num, type Sqlite, toDb } from './database.js';

type Row = Record<string, unknown>;

/** Albums and their entries; counts and covers are computed in the same query as the album. */
export function createSqliteAlbumStore(db: Sqlite): AlbumStore {
  const q = prepare(db);
  const toAlbum = (row: Row): Album => ({
    id: fromDb(row.id), ownerId: fromDb(row.owner_id), name: String(row.name), postCount: num(row.post_count),
    coverPostId: row.cover_post_id === null ? null : fromDb(row.cover_post_id), createdAt: new Date(num(row.created_at)),
  });
  return {
    async create(album) {
      q.insert.run(toDb(album.id), toDb(album.ownerId), album.name, album.createdAt.getTime());
    },
    async findById(id) {
      const row = q.byId.get(toDb(id)) as Row | undefined;
      return row ? toAlbum(row) : null;
    },
    async rename(id, name) {
      return q.rename.run(name, toDb(id)).changes > 0;
    },
    async remove(id) {
      return q.remove.run(toDb(id)).changes > 0;
    },
    async addPost(albumId, postId, seq) {
      return q.addPost.run(toDb(albumId), toDb(postId), toDb(seq), toDb(albumId), toDb(postId)).changes > 0;
    },
    async removePost(albumId, postId) {
      return q.removePost.run(toDb(albumId), toDb(postId)).changes > 0;
    },
    async posts(albumId, after, limit) {
      const rows = q.posts.all(toDb(albumId), after === null ? MAX_POSITION : BigInt(after), limit + 1) as Row[];
      const slice = rows.slice(0, limit);
      return { ids: slice.map((r) => fromDb(r.post_id)), next: rows.length > limit ? fromDb(slice[slice.length - 1]!.seq) : null };
    },
    async countOf(ownerId) {
      return num(q.countOf.pluck().get(toDb(ownerId)));
    },
    async listByOwner(ownerId, after, limit) {
      const rows = q.byOwner.all(toDb(ownerId), after === null ? MAX_POSITION : toDb(after), limit + 1) as Row[];
      const albums = rows.slice(0, limit).map(toAlbum);
      return { albums, next: rows.length > limit ? albums[albums.length - 1]!.id : null };
    },
    async removeAllOf(ownerId) {
      q.removeAllOf.run(toDb(ownerId));
    },
  };
}

// Count and cover leave archived posts out, so the album says nothing about them to others.
const SELECT_ALBUM = `SELECT a.*,
  (SELECT count(*) FROM album_posts ap JOIN posts p ON p.id = ap.post_id
     WHERE ap.album_id = a.id AND p.archived_at IS NULL) AS post_count,
  (SELECT ap.post_id FROM album_posts ap JOIN posts p ON p.id = ap.post_id
     WHERE ap.album_id = a.id AND p.archived_at IS NULL ORDER BY ap.seq DESC LIMIT 1) AS cover_post_id
  FROM albums a`;

function prepare(db: Sqlite) {
  return {
    insert: db.prepare('INSERT INTO albums (id, owner_id, name, created_at) VALUES (?, ?, ?, ?)'),
    byId: db.prepare(`${SELECT_ALBUM} WHERE a.id = ?`),
    rename: db.prepare('UPDATE albums SET name = ? WHERE id = ?'),
    remove: db.prepare('DELETE FROM albums WHERE id = ?'),
    // The service checked album and post a moment before; either may be deleted since (a race,
    // not a client error), and then nothing is added rather than the foreign key failing.
    addPost: db.prepare(`INSERT OR IGNORE INTO album_posts (album_id, post_id, seq) SELECT ?, ?, ?
      WHERE EXISTS (SELECT 1 FROM albums WHERE id = ?) AND EXISTS (SELECT 1 FROM posts WHERE id = ?)`),
    removePost: db.prepare('DELETE FROM album_posts WHERE album_id = ? AND post_id = ?'),
    posts: db.prepare('SELECT post_id, seq FROM album_posts WHERE album_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?'),
    countOf: db.prepare('SELECT count(*) FROM albums WHERE owner_id = ?'),
    byOwner: db.prepare(`${SELECT_ALBUM} WHERE a.owner_id = ? AND a.id < ? ORDER BY a.id DESC LIMIT ?`),
    removeAllOf: db.prepare('DELETE FROM albums WHERE owner_id = ?'),
  };
}
