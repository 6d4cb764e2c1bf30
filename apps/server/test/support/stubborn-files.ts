import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createFileBlobStore } from '../../src/adapters/files/blob-store.files.js';
import { createSharpImageProcessor } from '../../src/adapters/sharp/image-processor.sharp.js';
import { createSharpPhotoProcessor } from '../../src/adapters/sharp/photo-processor.sharp.js';
import { createMediaModule } from '../../src/modules/media/public.js';
import type { Logger } from '../../src/platform/logger.js';

const MAX_PIXELS = 50_000_000;

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

/** The media module with real sharp over `filesRefusingRemoval(root, refuses)`, reporting to `logger`. */
export function mediaRefusingRemoval(root: string, refuses: (key: string) => boolean, logger: Logger) {
  const blobs = filesRefusingRemoval(root, refuses);
  return createMediaModule({ blobs, images: createSharpImageProcessor(MAX_PIXELS), photos: createSharpPhotoProcessor(MAX_PIXELS), maxImagePixels: MAX_PIXELS, logger });
}

/** Every file (not folder) under a file blob store's root, as blob keys, sorted. */
export function filesOnDisk(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}
