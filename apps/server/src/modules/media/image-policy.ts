import { AppError } from '../../platform/errors.js';
import type { ImageFormat, ImageHeader, ImageProcessor } from './media.ports.js';

/**
 * What we accept is decided by the bytes, never by the name or the declared type:
 * magic numbers first, then the header's size against the pixel limit, all
 * before a single pixel is decoded.
 */
export function sniffImageFormat(bytes: Buffer): ImageFormat | null {
  if (bytes.length < 12) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  const ascii = (start: number, end: number) => bytes.toString('latin1', start, end);
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(4, 8) === 'ftyp') {
    const brands = ascii(8, Math.min(bytes.length, 8 + Math.max(8, bytes.readUInt32BE(0) - 8)));
    if (/avi[fs]/.test(brands)) return 'avif';
    if (/hei[cx]|hev[cx]|heim|heis|mif1|msf1/.test(brands)) return 'heif';
  }
  return null;
}

export const unsupportedImage = () =>
  new AppError(415, 'unsupported_media_type', 'Upload a JPEG, PNG, WebP, GIF, HEIC or AVIF picture.');

export const tooManyPixels = (header: ImageHeader, limit: number) =>
  new AppError(422, 'image_too_large', `This picture is ${header.width}×${header.height}; the limit is ${Math.round(limit / 1e6)} megapixels.`);

export const undecodableImage = () =>
  new AppError(422, 'image_unreadable', 'This picture is damaged or incomplete and could not be read.');

/**
 * Awaits a decode of an admitted picture: one that fails is the uploader's (422), unless it
 * already failed with a problem of its own. Only decoding goes through here: a write that
 * fails is the server's, and keeps its own error (a 500, logged as one).
 */
export async function readable<T>(decoding: Promise<T>): Promise<T> {
  try {
    return await decoding;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw undecodableImage();
  }
}

/** Answers the header of an acceptable picture, or throws the 4xx that says why not. */
export async function admitImage(bytes: Buffer, images: ImageProcessor, maxPixels: number): Promise<ImageHeader> {
  const sniffed = sniffImageFormat(bytes);
  if (!sniffed) throw unsupportedImage();
  const header = await images.header(bytes);
  if (!header) throw undecodableImage();
  if (header.width * header.height > maxPixels) throw tooManyPixels(header, maxPixels);
  return header;
}
