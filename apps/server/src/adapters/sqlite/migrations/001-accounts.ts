export const accountsSchema = {
  name: '001-accounts',
  sql: `
    CREATE TABLE users (
      id INTEGER PRIMARY KEY,
      username TEXT NOT NULL UNIQUE,
      email TEXT NOT NULL UNIQUE,
      password_hash TEXT NOT NULL,
      display_name TEXT NOT NULL DEFAULT '',
      bio TEXT NOT NULL DEFAULT '',
      website TEXT NOT NULL DEFAULT '',
      avatar TEXT,
      is_private INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      last_active_at INTEGER NOT NULL
    );
    CREATE TABLE sessions (
      token_hash BLOB PRIMARY KEY,
      user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at INTEGER NOT NULL,
      last_seen_at INTEGER NOT NULL,
      user_agent TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    CREATE INDEX sessions_by_user ON sessions(user_id);
    -- Seed 004, query 10: sign-in attempts of the last minutes, by account and by address.
    CREATE TABLE sign_in_attempts (
      account_key TEXT NOT NULL,
      address TEXT NOT NULL,
      at INTEGER NOT NULL,
      success INTEGER NOT NULL
    );
    CREATE INDEX sign_in_attempts_by_account ON sign_in_attempts(account_key, at);
    CREATE INDEX sign_in_attempts_by_address ON sign_in_attempts(address, at);
  `,
};
