export const graphSchema = {
  name: '002-graph',
  sql: `
    -- Adjacency tables are the truth for the social graph (DESIGN.md); both
    -- directions are indexed so followers and following page equally fast.
    CREATE TABLE follows (
      follower_id INTEGER NOT NULL,
      followee_id INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      PRIMARY KEY (follower_id, followee_id)
    ) WITHOUT ROWID;
    CREATE INDEX follows_by_followee ON follows(followee_id, seq);
    CREATE INDEX follows_by_follower ON follows(follower_id, seq);
    CREATE TABLE follow_requests (
      requester_id INTEGER NOT NULL,
      target_id INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      PRIMARY KEY (requester_id, target_id)
    ) WITHOUT ROWID;
    CREATE INDEX follow_requests_by_target ON follow_requests(target_id, seq);
    -- kind: block, mute or restrict; one row per (actor, subject, kind).
    CREATE TABLE user_relations (
      actor_id INTEGER NOT NULL,
      subject_id INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('block', 'mute', 'restrict')),
      created_at INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      PRIMARY KEY (actor_id, kind, subject_id)
    ) WITHOUT ROWID;
    CREATE INDEX user_relations_by_subject ON user_relations(subject_id, kind);
    CREATE TABLE follow_counts (
      user_id INTEGER PRIMARY KEY,
      followers INTEGER NOT NULL DEFAULT 0,
      following INTEGER NOT NULL DEFAULT 0
    );
  `,
};
