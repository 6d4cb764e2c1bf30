import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createFileBlobStore } from '../../src/adapters/files/blob-store.files.js';

/**
 * The real file blob store under `root`, except that it refuses to remove the keys
 * `refuses` names, as a read-only mount or a permissions mistake would: for tests of
 * what an upload leaves behind when its cleanup fails.
 */
export function filesRefusingRemoval(root: string, refuses: (key: string) => boolean) {
  const files = createFileBlobStore(root);
  return {
    ...files,
    async delete(key: string) {
      if (refuses(key)) throw Object.assign(new Error(`EROFS: read-only file system, unlink '${key}'`), { code: 'EROFS' });
      return files.delete(key);
    },
  };
}

/** Every file (not folder) under a file blob store's root, as blob keys, sorted. */
export function filesOnDisk(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}
