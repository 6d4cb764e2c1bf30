import { beforeEach, describe, expect, it } from 'vitest';
import type { SignInAttemptStore } from '../../src/modules/accounts/public.js';

const T0 = new Date('2026-03-01T12:00:00Z').getTime();
const at = (seconds: number) => new Date(T0 + seconds * 1000);

/** The SignInAttemptStore contract (seed 004, query 10): failures counted by account and by address over a window. */
export function signInAttemptsContract(name: string, open: () => Promise<SignInAttemptStore> | SignInAttemptStore) {
  describe(`SignInAttemptStore contract: ${name}`, () => {
    let store: SignInAttemptStore;
    beforeEach(async () => {
      store = await open();
    });

    it('when nothing was recorded, then zero failures and no oldest', async () => {
      expect(await store.failuresForAccount('user:1', at(0))).toEqual({ count: 0, oldest: null });
      expect(await store.failuresFromAddress('10.0.0.1', at(0))).toEqual({ count: 0, oldest: null });
    });

    it('when failures and successes are recorded, then only failures at or after `since` count, with the oldest of them', async () => {
      await store.record({ accountKey: 'user:1', address: '10.0.0.1', at: at(0), success: false });
      await store.record({ accountKey: 'user:1', address: '10.0.0.2', at: at(10), success: false });
      await store.record({ accountKey: 'user:1', address: '10.0.0.1', at: at(20), success: true });
      await store.record({ accountKey: 'user:1', address: '10.0.0.1', at: at(30), success: false });
      expect(await store.failuresForAccount('user:1', at(0))).toEqual({ count: 3, oldest: at(0) });
      expect(await store.failuresForAccount('user:1', at(1))).toEqual({ count: 2, oldest: at(10) });
      expect(await store.failuresForAccount('user:1', at(10))).toEqual({ count: 2, oldest: at(10) });
      expect(await store.failuresForAccount('user:1', at(31))).toEqual({ count: 0, oldest: null });
      expect(await store.failuresFromAddress('10.0.0.1', at(0))).toEqual({ count: 2, oldest: at(0) });
      expect(await store.failuresFromAddress('10.0.0.2', at(0))).toEqual({ count: 1, oldest: at(10) });
    });

    it('when keys differ, then they never count for each other', async () => {
      await store.record({ accountKey: 'user:1', address: '10.0.0.1', at: at(0), success: false });
      expect((await store.failuresForAccount('user:2', at(0))).count).toBe(0);
      expect((await store.failuresForAccount('name:user:1', at(0))).count).toBe(0);
      expect((await store.failuresFromAddress('10.0.0.10', at(0))).count).toBe(0);
    });

    it('when a day has passed, then old attempts may be forgotten but recent ones are kept', async () => {
      await store.record({ accountKey: 'user:9', address: '10.0.0.9', at: at(0), success: false });
      await store.record({ accountKey: 'user:9', address: '10.0.0.9', at: at(2 * 86_400), success: false });
      expect((await store.failuresForAccount('user:9', at(2 * 86_400 - 3600))).count).toBe(1);
      expect((await store.failuresFromAddress('10.0.0.9', at(2 * 86_400))).count).toBe(1);
    });
  });
}
