import { createHash } from 'node:crypto';
import type { Logger } from '../../platform/logger.js';
import { discardUnreferenced, removeOrThrow } from './blob-removal.js';
import { admitImage, readable } from './image-policy.js';
import { CROP_ASPECTS, FILTERS, type FilterName, nearestCrop } from './image-filters.js';
import type { BlobStore, CropAspect, ImageHeader, ImageProcessor, PhotoProcessor, ProcessedPhoto } from './media.ports.js';

/** The renditions seed 001 names: grid thumbnail, feed, full view; stories add 1080×1920. */
const POST_VARIANTS = [
  { name: 'thumb', width: 150, height: 150 },
  { name: 'feed', width: 640 },
  { name: 'full', width: 1080 },
] as const;
const STORY_VARIANT = { name: 'story', width: 1080, height: 1920 } as const;
const QUALITY = 85;

export interface VariantKeys {
  width: number;
  height: number;
  webp: string;
  jpeg: string;
}

/** A photo made and checked, held in memory until the whole post is ready. */
export interface PreparedPhoto {
  header: ImageHeader;
  processed: ProcessedPhoto;
  /** sha256 of the uploaded bytes: the exact-duplicate key. */
  sha256: string;
  original: Buffer;
}

export interface StoredPhoto {
  width: number;
  height: number;
  color: string;
  placeholder: string;
  sha256: string;
  perceptualHash: string;
  variants: Record<string, VariantKeys>;
  originalKey: string;
}

const EXTENSIONS = { webp: 'webp', jpeg: 'jpg' } as const;

/**
 * Post photos: admit (sniff, pixel limit), process in one pass, then store
 * under content-addressed keys. Storing is all or nothing: if any write fails,
 * every file already written for the batch is removed, and any that cannot be
 * is logged to `log`.
 */
export function createPhotoPipeline(deps: { blobs: BlobStore; images: ImageProcessor; photos: PhotoProcessor; maxPixels: number; log: Logger }) {
  return {
    /** Reads the header only; throws the 4xx that says why a picture is refused. */
    admit: (bytes: Buffer) => admitImage(bytes, deps.images, deps.maxPixels),

    nearestCrop: (header: ImageHeader) => nearestCrop(header.width, header.height),

    async prepare(bytes: Buffer, header: ImageHeader, options: { crop: CropAspect; filter: FilterName; story?: boolean }): Promise<PreparedPhoto> {
      const variants = options.story ? [...POST_VARIANTS, STORY_VARIANT] : POST_VARIANTS;
      const processed = await readable(deps.photos.processPhoto(bytes, {
        aspect: CROP_ASPECTS[options.crop], maxWidth: 1080, filter: FILTERS[options.filter], variants, quality: QUALITY,
      }));
      return { header, processed, sha256: createHash('sha256').update(bytes).digest('hex'), original: bytes };
    },

    /**
     * Writes every photo of a batch under `prefix`. When a write fails, the files already
     * written are removed (those that cannot be are logged) and the write's error is thrown.
     */
    async store(prefix: string, photos: readonly PreparedPhoto[]): Promise<StoredPhoto[]> {
      const written: string[] = [];
      const put = async (key: string, bytes: Buffer, type: string) => {
        await deps.blobs.put(key, bytes, type);
        written.push(key);
      };
      try {
        const stored: StoredPhoto[] = [];
        for (const photo of photos) stored.push(await storeOne(prefix, photo, put));
        return stored;
      } catch (error) {
        await discardUnreferenced(deps.blobs, deps.log, written);
        throw error;
      }
    },

    /** The private original's bytes (only ever handed to the owner), or null when gone. */
    async openOriginal(key: string) {
      if (!key.startsWith('originals/')) return null;
      const info = await deps.blobs.stat(key);
      return info ? { size: info.size, stream: await deps.blobs.read(key) } : null;
    },

    /** Every file of the given photos: what deleting them has to remove. */
    filesOf: (photos: readonly Pick<StoredPhoto, 'variants' | 'originalKey'>[]): string[] => photos.flatMap(keysOf),

    /**
     * Removes the files of photos no post points at (one that was never written). Best
     * effort: the ones that cannot be removed are logged to `log`, with `context`, never
     * thrown, so the caller's own answer stands.
     */
    discard: (files: readonly string[], log: Logger, context: Record<string, unknown>) => discardUnreferenced(deps.blobs, log, files, context),

    /**
     * Removes the files; missing ones are fine. Tries every file, then throws if any
     * delete failed, so a job that calls it is retried instead of leaving orphans.
     */
    remove: (files: readonly string[]): Promise<void> => removeOrThrow(deps.blobs, files),
  };
}

async function storeOne(prefix: string, photo: PreparedPhoto, put: (key: string, bytes: Buffer, type: string) => Promise<void>): Promise<StoredPhoto> {
  const variants: Record<string, VariantKeys> = {};
  for (const variant of photo.processed.variants) {
    const digest = createHash('sha256').update(variant.bytes).digest('base64url').slice(0, 27);
    const key = `photos/${prefix}/${digest}-${variant.name}.${EXTENSIONS[variant.format]}`;
    await put(key, variant.bytes, variant.format === 'webp' ? 'image/webp' : 'image/jpeg');
    const entry = variants[variant.name] ?? { width: variant.width, height: variant.height, webp: '', jpeg: '' };
    entry[variant.format] = key;
    variants[variant.name] = entry;
  }
  // Originals keep their metadata and live outside the public key space: only the owner gets them.
  const originalKey = `originals/${prefix}/${photo.sha256}.bin`;
  await put(originalKey, photo.original, 'application/octet-stream');
  const { width, height, color, placeholder, perceptualHash } = photo.processed;
  return { width, height, color, placeholder, perceptualHash, sha256: photo.sha256, variants, originalKey };
}

const keysOf = (photo: Pick<StoredPhoto, 'variants' | 'originalKey'>) =>
  [...Object.values(photo.variants).flatMap((v) => [v.webp, v.jpeg]), photo.originalKey];
