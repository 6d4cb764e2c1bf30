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
