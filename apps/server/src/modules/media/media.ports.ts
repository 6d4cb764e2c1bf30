import type { Readable } from 'node:stream';

export interface BlobInfo {
  size: number;
  contentType: string;
  /** Strong validator for HTTP caching; content-addressed keys make it stable forever. */
  etag: string;
}

/**
 * Where media bytes live: local files embedded, S3 (MinIO) at scale. Keys are
 * content-addressed, so a key's bytes never change and writes are idempotent.
 */
export interface BlobStore {
  /** Stores the bytes under `key`; writing the same key again is a no-op. */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  stat(key: string): Promise<BlobInfo | null>;
  /** A stream of bytes [start, end] inclusive, or the whole blob. */
  read(key: string, range?: { start: number; end: number }): Promise<Readable>;
  /** Removes the blob; missing keys are fine. */
  delete(key: string): Promise<void>;
}

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'heif' | 'avif';

export interface ImageHeader {
  format: ImageFormat;
  width: number;
  height: number;
}

export interface RenderRequest {
  /** Box to fit into; `cover` crops to exactly this size, `inside` keeps the aspect ratio. */
  width: number;
  height: number;
  fit: 'cover' | 'inside';
  output: 'webp' | 'jpeg';
  quality: number;
}

export interface RenderedImage {
  bytes: Buffer;
  width: number;
  height: number;
}

/**
 * Decodes and re-encodes pictures. Implementations must orient by EXIF and
 * write no metadata at all (no GPS, no camera, no ICC beyond sRGB conversion).
 */
export interface ImageProcessor {
  /** Reads dimensions from the header without decoding the pixels. */
  header(bytes: Buffer): Promise<ImageHeader | null>;
  render(bytes: Buffer, request: RenderRequest): Promise<RenderedImage>;
  /** The average colour as #rrggbb. */
  dominantColor(bytes: Buffer): Promise<string>;
}

/** The crop a post uses: the first photo's choice applies to every photo (as on Instagram). */
export type CropAspect = '1:1' | '4:5' | '1.91:1';

/**
 * Pixel operations a named filter is made of, applied in this order: colour
 * (saturation, brightness, hue), contrast, tint, black-and-white.
 * `tint: 'dominant'` tints with the photo's own dominant colour.
 */
export interface FilterRecipe {
  saturation?: number;
  brightness?: number;
  hue?: number;
  /** Contrast as a linear multiplier around mid-grey: 1 is unchanged. */
  contrast?: number;
  tint?: 'dominant' | `#${string}`;
  grayscale?: boolean;
}

export interface VariantSpec {
  name: string;
  /** `cover` crops to exactly width × height; `width` keeps the post's aspect at this width. */
  width: number;
  height?: number;
}

export interface PhotoRequest {
  aspect: number;
  /** Width of the largest rendition; smaller sources are not enlarged. */
  maxWidth: number;
  filter: FilterRecipe;
  variants: readonly VariantSpec[];
  quality: number;
}

export interface EncodedVariant {
  name: string;
  format: 'webp' | 'jpeg';
  bytes: Buffer;
  width: number;
  height: number;
}

export interface ProcessedPhoto {
  width: number;
  height: number;
  /** #rrggbb of the unfiltered picture. */
  color: string;
  /** Thumbhash of the filtered picture, base64: a placeholder clients paint before the bytes arrive. */
  placeholder: string;
  /** 64-bit difference hash of the unfiltered crop, as 16 hex digits: near-duplicates differ in few bits. */
  perceptualHash: string;
  variants: EncodedVariant[];
}

/**
 * Turns one upload into every rendition a post needs in a single decode:
 * orient by EXIF, crop to the aspect, apply the filter to the pixels, then
 * encode each variant as WebP and JPEG with no metadata.
 */
export interface PhotoProcessor {
  processPhoto(bytes: Buffer, request: PhotoRequest): Promise<ProcessedPhoto>;
}
