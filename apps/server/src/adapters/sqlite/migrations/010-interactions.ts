export const interactionsSchema = {
  name: '010-interactions',
  sql: `
    -- Like rows are the truth; post_counters is derived from them (and from
    -- comments) in the same transaction, and can be rebuilt from them at any time.
    -- author_id is the post's author, kept here so affinity ("how often does the
    -- viewer like this author") is one indexed range read.
    CREATE TABLE post_likes (
      post_id INTEGER NOT NULL,
      user_id INTEGER NOT NULL,
      author_id INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      PRIMARY KEY (post_id, user_id)
    ) WITHOUT ROWID;
    CREATE INDEX post_likes_by_post_seq ON post_likes(post_id, seq);
    CREATE INDEX post_likes_by_user_author ON post_likes(user_id, author_id);
    CREATE TABLE post_counters (
      post_id INTEGER PRIMARY KEY,
      likes INTEGER NOT NULL DEFAULT 0,
      comments INTEGER NOT NULL DEFAULT 0
    );
    -- parent_id is null for a top-level comment, else the top-level comment it
    -- answers (threads are one level deep, as on Instagram). restricted = 1 when
    -- the post's author had restricted the commenter at the time of writing:
    -- such comments are seen only by their writer and the post's author.
    CREATE TABLE comments (
      id INTEGER PRIMARY KEY,
      post_id INTEGER NOT NULL,
      post_author_id INTEGER NOT NULL,
      author_id INTEGER NOT NULL,
      parent_id INTEGER,
      text TEXT NOT NULL,
      mentions TEXT NOT NULL,
      restricted INTEGER NOT NULL DEFAULT 0,
      likes INTEGER NOT NULL DEFAULT 0,
      replies INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX comments_by_post ON comments(post_id, parent_id, id);
    CREATE INDEX comments_by_author_post_author ON comments(author_id, post_author_id);
    CREATE TABLE comment_likes (
      comment_id INTEGER NOT NULL,
      user_id INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (comment_id, user_id)
    ) WITHOUT ROWID;
    CREATE TABLE saves (
      user_id INTEGER NOT NULL,
      post_id INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      PRIMARY KEY (user_id, post_id)
    ) WITHOUT ROWID;
    CREATE INDEX saves_by_user_seq ON saves(user_id, seq);
    CREATE INDEX saves_by_post ON saves(post_id);
  `,
};
