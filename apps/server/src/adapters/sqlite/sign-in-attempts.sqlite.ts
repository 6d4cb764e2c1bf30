import type { SignInAttemptStore } from '../../modules/accounts/public.js';
import { num, type Sqlite } from './database.js';

const KEEP_MS = 24 * 3600 * 1000;

export function createSqliteSignInAttempts(db: Sqlite): SignInAttemptStore {
  const insert = db.prepare('INSERT INTO sign_in_attempts (account_key, address, at, success) VALUES (?, ?, ?, ?)');
  const byAccount = db.prepare('SELECT count(*) AS n, min(at) AS oldest FROM sign_in_attempts WHERE account_key = ? AND at >= ? AND success = 0');
  const byAddress = db.prepare('SELECT count(*) AS n, min(at) AS oldest FROM sign_in_attempts WHERE address = ? AND at >= ? AND success = 0');
  const prune = db.prepare('DELETE FROM sign_in_attempts WHERE at < ?');
  let lastPrune = 0;
  const answer = (row: Record<string, unknown>) => ({
    count: num(row.n),
    oldest: row.oldest === null ? null : new Date(num(row.oldest)),
  });
  return {
    async record(attempt) {
      insert.run(attempt.accountKey, attempt.address, attempt.at.getTime(), attempt.success ? 1 : 0);
      // Old attempts only matter for a day; prune while writing instead of running a timer.
      if (attempt.at.getTime() - lastPrune > 3600_000) {
        lastPrune = attempt.at.getTime();
        prune.run(lastPrune - KEEP_MS);
      }
    },
    async failuresForAccount(accountKey, since) {
      return answer(byAccount.get(accountKey, since.getTime()) as Record<string, unknown>);
    },
    async failuresFromAddress(address, since) {
      return answer(byAddress.get(address, since.getTime()) as Record<string, unknown>);
    },
  };
}
