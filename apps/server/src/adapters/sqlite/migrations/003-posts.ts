export const postsSchema = {
  name: '003-posts',
  sql: `
    -- Post ids are time-sortable, so (owner_id, id) pages a profile newest first.
    CREATE TABLE posts (
      id INTEGER PRIMARY KEY,
      owner_id INTEGER NOT NULL,
      caption TEXT NOT NULL,
      hashtags TEXT NOT NULL,
      mentions TEXT NOT NULL,
      location TEXT,
      tags TEXT NOT NULL,
      crop TEXT NOT NULL,
      comments_disabled INTEGER NOT NULL DEFAULT 0,
      hide_like_count INTEGER NOT NULL DEFAULT 0,
      archived_at INTEGER,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE INDEX posts_by_owner ON posts(owner_id, id);
    -- variants is JSON: {name: {width, height, webp, jpeg}} of blob keys.
    CREATE TABLE post_photos (
      post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      owner_id INTEGER NOT NULL,
      alt TEXT NOT NULL,
      filter TEXT NOT NULL,
      width INTEGER NOT NULL,
      height INTEGER NOT NULL,
      color TEXT NOT NULL,
      placeholder TEXT NOT NULL,
      variants TEXT NOT NULL,
      original_key TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      phash TEXT NOT NULL,
      PRIMARY KEY (post_id, position)
    ) WITHOUT ROWID;
    CREATE INDEX post_photos_by_sha ON post_photos(owner_id, sha256);
    CREATE INDEX post_photos_by_owner ON post_photos(owner_id, post_id);
    -- A retried upload with the same Idempotency-Key answers the post it made.
    CREATE TABLE post_idempotency (
      owner_id INTEGER NOT NULL,
      key TEXT NOT NULL,
      post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
      PRIMARY KEY (owner_id, key)
    ) WITHOUT ROWID;
    CREATE INDEX post_idempotency_by_post ON post_idempotency(post_id);
    CREATE TABLE post_counts (
      owner_id INTEGER PRIMARY KEY,
      posts INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE albums (
      id INTEGER PRIMARY KEY,
      owner_id INTEGER NOT NULL,
      name TEXT NOT NULL,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX albums_by_owner ON albums(owner_id, id);
    CREATE TABLE album_posts (
      album_id INTEGER NOT NULL REFERENCES albums(id) ON DELETE CASCADE,
      post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      PRIMARY KEY (album_id, post_id)
    ) WITHOUT ROWID;
    CREATE INDEX album_posts_by_seq ON album_posts(album_id, seq);
    CREATE INDEX album_posts_by_post ON album_posts(post_id);
  `,
};
