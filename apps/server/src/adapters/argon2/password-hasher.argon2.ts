import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../../modules/accounts/public.js';

/** Argon2id with OWASP's recommended minimum: 19 MiB, 2 passes, 1 lane. */
const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id: a const enum, unreadable under isolatedModules */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function createArgon2Hasher(options: Partial<typeof OPTIONS> = {}): PasswordHasher {
  const settings = { ...OPTIONS, ...options };
  return {
    hash: (password) => hash(password, settings),
    async verify(stored, password) {
      try {
        return await verify(stored, password);
      } catch {
        return false; // a malformed stored hash must never let anyone in
      }
    },
  };
}
