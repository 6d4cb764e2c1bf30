import { createHash } from 'node:crypto';
import type { Id } from '../../platform/ids.js';
import type { Logger } from '../../platform/logger.js';
import { discardUnreferenced, removeOrThrow } from './blob-removal.js';
import { admitImage, readable } from './image-policy.js';
import type { BlobStore, ImageProcessor } from './media.ports.js';

const AVATAR_SIZES = [150, 320] as const;

export interface StoredAvatar {
  sizes: Record<string, string>;
  color: string;
}

/**
 * Avatars: square crops at two sizes, WebP, metadata stripped, content-addressed keys.
 * A failed store removes the sizes it wrote, and `discard` an avatar no account points
 * at; any file either cannot remove is logged to `log`.
 */
export function createAvatarStorage(deps: { blobs: BlobStore; images: ImageProcessor; maxPixels: number; log: Logger }) {
  return {
    async store(ownerId: Id, bytes: Buffer): Promise<StoredAvatar> {
      await admitImage(bytes, deps.images, deps.maxPixels);
      const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
      const sizes: Record<string, string> = {};
      const written: string[] = [];
      let color = '#888888';
      try {
        for (const size of AVATAR_SIZES) {
          const rendered = await readable(deps.images.render(bytes, { width: size, height: size, fit: 'cover', output: 'webp', quality: 85 }));
          const key = `avatars/${ownerId}/${digest}-${size}.webp`;
          await deps.blobs.put(key, rendered.bytes, 'image/webp');
          written.push(key);
          sizes[String(size)] = key;
          if (size === AVATAR_SIZES[0]) color = await readable(deps.images.dominantColor(rendered.bytes));
        }
        return { sizes, color };
      } catch (error) {
        // A removal that fails is logged, never thrown: the person uploading hears why the upload failed.
        await discardUnreferenced(deps.blobs, deps.log, written);
        throw error;
      }
    },
    /** Removes an avatar's files; tries every one, then throws if any delete failed, so the job that calls it is retried. */
    remove: (avatar: StoredAvatar): Promise<void> => removeOrThrow(deps.blobs, Object.values(avatar.sizes)),
    /**
     * Removes the files of an avatar no account points at any more (replaced or removed):
     * the change is made, so a file that cannot be removed is logged, never thrown.
     */
    discard: (avatar: StoredAvatar) => discardUnreferenced(deps.blobs, deps.log, Object.values(avatar.sizes)),
  };
}
