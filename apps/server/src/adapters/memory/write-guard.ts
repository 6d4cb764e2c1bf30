/**
 * How the in-process caches stay right around writes: a load takes a `mark` before it
 * reads the store and keeps what it read only if no write began or ended since, and a
 * write runs inside `around`, which counts both of its edges. A load that raced a write
 * is still answered, just not kept, so a stale read never outlives the write after it.
 */
export function createWriteGuard() {
  let writes = 0;
  return {
    mark: (): number => writes,
    unchangedSince: (mark: number): boolean => mark === writes,
    /**
     * Runs `write`, calling `before` first and `after` once it has settled (for a write
     * through a cache: forget the records it touches, or update them).
     */
    async around<R>(write: () => Promise<R>, before: () => void, after: (ok: boolean) => void): Promise<R> {
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
    },
  };
}
