export const feedSchema = {
  name: '011-feed',
  sql: `
    -- Home timelines (hybrid fan-out): one row per (reader, post). Post ids are
    -- time-sortable, so the primary key order is the timeline's newest-first order.
    -- author_id lets an unfollow drop one author's posts by scanning one reader's
    -- (at most ~800) rows; the post index makes "remove this post everywhere" cheap,
    -- and is appended in order during a fan-out because one post goes to many readers.
    CREATE TABLE timelines (
      user_id INTEGER NOT NULL,
      post_id INTEGER NOT NULL,
      author_id INTEGER NOT NULL,
      PRIMARY KEY (user_id, post_id)
    ) WITHOUT ROWID;
    CREATE INDEX timelines_by_post ON timelines(post_id, user_id);
    -- size is an upper bound on the reader's row count (idempotent re-inserts may
    -- over-count it); past capacity plus slack the timeline is trimmed and size reset.
    -- read_at is when the reader last read the feed (coalesced), to tell a returning
    -- reader whose timeline fan-out skipped.
    CREATE TABLE timeline_meta (
      user_id INTEGER PRIMARY KEY,
      size INTEGER NOT NULL DEFAULT 0,
      read_at INTEGER
    );
    -- Authors whose posts are merged at read time instead of pushed.
    CREATE TABLE feed_celebrities (
      author_id INTEGER PRIMARY KEY
    );
  `,
};
