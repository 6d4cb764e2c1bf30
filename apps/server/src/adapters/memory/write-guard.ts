/**
 * How the in-process caches stay right around writes: a load keeps what it read only
 * if no write began or ended while it ran (`loading`), and a write runs inside `around`,
 * which counts both of its edges. A load that raced a write is still answered, just not
 * kept, so a stale read never outlives the write after it.
 */
export function createWriteGuard() {
  let writes = 0;
  async function around<R>(write: () => Promise<R>, before: () => void, after: (ok: boolean) => void): Promise<R> {
    writes++;
    before();
    let ok = false;
    try {
      const result = await write();
      ok = true;
      return result;
    } finally {
      writes++;
      after(ok);
    }
  }
  return {
    /** Reads through `load` and hands the answer to `keep` only if no write began or ended meanwhile. */
    async loading<T>(load: () => Promise<T>, keep: (value: T) => void): Promise<T> {
      const mark = writes;
      const value = await load();
      if (mark === writes) keep(value);
      return value;
    },
    /**
     * Runs `write`, calling `before` first and `after` once it has settled (for a
     * write-through cache: update the records it touched once the store has them).
     */
    around,
    /** Runs `write` and calls `forget` (the records it touches) both before it and after it settles. */
    forgetting: <R>(write: () => Promise<R>, forget: () => void): Promise<R> => around(write, forget, forget),
  };
}
