import sharp from 'sharp';
import type { ImageFormat, ImageProcessor } from '../../modules/media/public.js';

const FORMATS: Record<string, ImageFormat> = { jpeg: 'jpeg', png: 'png', webp: 'webp', gif: 'gif', heif: 'heif', avif: 'avif' };

/**
 * libvips through sharp. Metadata is never copied to outputs (sharp's default),
 * orientation is applied from EXIF first, and only the first frame of an
 * animation is read. `maxPixels` is enforced by libvips before decoding.
 */
export function createSharpImageProcessor(maxPixels: number): ImageProcessor {
  const open = (bytes: Buffer) => sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error', animated: false, pages: 1 });
  return {
    async header(bytes) {
      try {
        const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
        const format = meta.format === 'heif' && meta.compression === 'av1' ? 'avif' : FORMATS[meta.format ?? ''];
        if (!format || !meta.width || !meta.height) return null;
        // EXIF orientations 5-8 swap width and height once applied.
        const swapped = (meta.orientation ?? 1) >= 5;
        const height = meta.pageHeight && meta.pages && meta.pages > 1 ? meta.pageHeight : meta.height;
        return { format, width: swapped ? height : meta.width, height: swapped ? meta.width : height };
      } catch {
        return null;
      }
    },
    async render(bytes, request) {
      const pipeline = open(bytes)
        .rotate()
        .resize({ width: request.width, height: request.height, fit: request.fit, position: 'attention', withoutEnlargement: request.fit === 'inside' })
        .toColourspace('srgb');
      const encoded = request.output === 'webp'
        ? pipeline.webp({ quality: request.quality, effort: 2 })
        : pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: request.quality, mozjpeg: false, progressive: true });
      const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
      return { bytes: data, width: info.width, height: info.height };
    },
    async dominantColor(bytes) {
      const { dominant } = await open(bytes).stats();
      return `#${[dominant.r, dominant.g, dominant.b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
    },
  };
}
