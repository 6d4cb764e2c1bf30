import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { BlobStore } from '../../modules/media/public.js';

const TYPES: Record<string, string> = {
  webp: 'image/webp', jpg: 'image/jpeg', png: 'image/png', gif: 'image/gif', mp4: 'video/mp4', bin: 'application/octet-stream',
};

/**
 * Blobs as plain files under one root. Writes go to a temporary name and are
 * renamed into place, so a reader never sees half a file.
 */
export function createFileBlobStore(root: string): BlobStore {
  const base = resolve(root);
  const pathOf = (key: string) => {
    const path = resolve(base, key);
    if (!path.startsWith(base + sep)) throw new Error(`blob key escapes the store: ${key}`);
    return path;
  };
  const typeOf = (key: string) => TYPES[key.slice(key.lastIndexOf('.') + 1)] ?? TYPES.bin!;
  return {
    async put(key, bytes) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const temporary = join(dirname(path), `.${randomBytes(8).toString('hex')}.tmp`);
      try {
        await writeFile(temporary, bytes);
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
    async stat(key) {
      try {
        const info = await stat(pathOf(key));
        if (!info.isFile()) return null;
        return { size: info.size, contentType: typeOf(key), etag: `"${createHash('sha1').update(key).digest('base64url')}"` };
      } catch {
        return null;
      }
    },
    async read(key, range) {
      return createReadStream(pathOf(key), range ? { start: range.start, end: range.end } : {});
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
