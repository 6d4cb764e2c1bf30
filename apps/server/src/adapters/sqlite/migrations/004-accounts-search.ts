export const accountsSearchSchema = {
  name: '004-accounts-search',
  sql: `
    -- Account search (the @mention suggestions) matches a prefix of the username or of the
    -- display name, case-insensitively. Usernames are stored lowercase and already indexed by
    -- their UNIQUE constraint; display names get a lowercased copy the user store keeps in step
    -- (JavaScript's full Unicode lowercasing), so a prefix is one range scan on this index.
    -- SQLite's lower() folds ASCII only: rows written before this migration fold non-ASCII
    -- letters the next time their display name changes.
    ALTER TABLE users ADD COLUMN display_name_fold TEXT NOT NULL DEFAULT '';
    UPDATE users SET display_name_fold = lower(display_name);
    CREATE INDEX users_by_display_name_fold ON users(display_name_fold);
  `,
};
