export const platformSchema = {
  name: '000-platform',
  sql: `
    -- The transactional outbox: seq is assigned at insert under SQLite's single
    -- writer lock, so it follows commit order and consumers never skip an event.
    CREATE TABLE outbox (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      type TEXT NOT NULL,
      payload TEXT NOT NULL,
      occurred_at INTEGER NOT NULL
    );
    CREATE TABLE outbox_checkpoints (
      consumer TEXT PRIMARY KEY,
      seq INTEGER NOT NULL
    );
    CREATE TABLE outbox_dead_letters (
      consumer TEXT NOT NULL,
      seq INTEGER NOT NULL,
      error TEXT NOT NULL,
      failed_at INTEGER NOT NULL,
      PRIMARY KEY (consumer, seq)
    );
  `,
};
