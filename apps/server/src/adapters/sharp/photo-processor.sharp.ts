import sharp, { type Metadata, type Sharp } from 'sharp';
import { rgbaToThumbHash } from 'thumbhash';
import { decodeHeic } from './heic-decoder.js';
import type { FilterRecipe, PhotoProcessor, PhotoRequest, ProcessedPhoto, VariantSpec } from '../../modules/media/public.js';

interface Raw {
  data: Buffer;
  width: number;
  height: number;
}

const hex = (r: number, g: number, b: number) => `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/**
 * The photo pipeline on libvips. The upload is decoded once (JPEG shrink-on-load
 * makes a 12 MP decode cheap), oriented and cropped to the largest rendition as
 * raw pixels; every variant, hash and placeholder is then made from those pixels,
 * never from the upload again. Outputs carry no metadata (sharp's default).
 */
export function createSharpPhotoProcessor(maxPixels: number): PhotoProcessor {
  return {
    async processPhoto(bytes, request) {
      const base = await decodeCropped(bytes, request, maxPixels);
      const [color, perceptualHash] = await Promise.all([averageColour(base), differenceHash(base)]);
      const filtered = await applyFilter(base, request.filter, color);
      const [placeholder, variants] = await Promise.all([
        thumbhashOf(filtered),
        Promise.all(request.variants.flatMap((spec) => (['webp', 'jpeg'] as const).map((format) => encode(filtered, spec, format, request.quality)))),
      ]);
      return { width: base.width, height: base.height, color, placeholder, perceptualHash, variants } satisfies ProcessedPhoto;
    },
  };
}

const fromRaw = (raw: Raw) => sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 3 } });

async function decodeCropped(bytes: Buffer, request: PhotoRequest, maxPixels: number): Promise<Raw> {
  const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  const swapped = (meta.orientation ?? 1) >= 5;
  const frameHeight = meta.pageHeight ?? meta.height ?? 1;
  const sourceWidth = swapped ? frameHeight : (meta.width ?? 1);
  const sourceHeight = swapped ? (meta.width ?? 1) : frameHeight;
  const cropWidth = Math.min(sourceWidth, sourceHeight * request.aspect);
  const width = Math.max(1, Math.round(Math.min(request.maxWidth, cropWidth)));
  const height = Math.max(1, Math.round(width / request.aspect));
  const { data, info } = await (await openSource(bytes, meta, maxPixels))
    .rotate()
    .resize({ width, height, fit: 'cover', position: 'centre' })
    .toColourspace('srgb')
    .flatten({ background: '#ffffff' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** The upload as a sharp input; HEVC-in-HEIF goes through the WebAssembly decoder first. */
async function openSource(bytes: Buffer, meta: Metadata, maxPixels: number): Promise<Sharp> {
  if (meta.format === 'heif' && meta.compression === 'hevc') {
    // The pixel limit is checked on the header before this is called; check again, decoding is all-at-once here.
    if ((meta.width ?? 0) * (meta.height ?? 0) > maxPixels) throw new Error('HEIC above the pixel limit');
    const decoded = await decodeHeic(bytes);
    return sharp(decoded.data, { raw: { width: decoded.width, height: decoded.height, channels: decoded.channels } });
  }
  return sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error', animated: false, pages: 1 });
}

async function averageColour(raw: Raw): Promise<string> {
  const { channels } = await fromRaw(raw).stats();
  return hex(channels[0]!.mean, channels[1]!.mean, channels[2]!.mean);
}

/** dHash: 9×8 grey pixels, one bit per horizontal neighbour pair. */
async function differenceHash(raw: Raw): Promise<string> {
  const grey = await fromRaw(raw).resize(9, 8, { fit: 'fill' }).grayscale().raw().toBuffer();
  let hash = 0n;
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) hash = (hash << 1n) | (grey[y * 9 + x]! > grey[y * 9 + x + 1]! ? 1n : 0n);
  }
  return hash.toString(16).padStart(16, '0');
}

async function applyFilter(raw: Raw, recipe: FilterRecipe, dominant: string): Promise<Raw> {
  if (Object.keys(recipe).length === 0) return raw;
  let pipeline = fromRaw(raw);
  if (recipe.saturation !== undefined || recipe.brightness !== undefined || recipe.hue !== undefined) {
    pipeline = pipeline.modulate({ saturation: recipe.saturation ?? 1, brightness: recipe.brightness ?? 1, hue: recipe.hue ?? 0 });
  }
  if (recipe.contrast !== undefined) pipeline = pipeline.linear(recipe.contrast, 128 * (1 - recipe.contrast));
  if (recipe.tint) pipeline = pipeline.tint(recipe.tint === 'dominant' ? dominant : recipe.tint);
  if (recipe.grayscale) pipeline = pipeline.grayscale();
  // Tint and grayscale change the channel count or interpretation; come back to three sRGB channels.
  const { data, info } = await pipeline.toColourspace('srgb').removeAlpha().raw().toBuffer({ resolveWithObject: true });
  if (info.channels === 3) return { data, width: info.width, height: info.height };
  const widened = await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .toColourspace('srgb').removeAlpha().raw().toBuffer();
  return { data: widened, width: info.width, height: info.height };
}

async function thumbhashOf(raw: Raw): Promise<string> {
  const scale = 100 / Math.max(raw.width, raw.height);
  const width = Math.max(1, Math.round(raw.width * scale));
  const height = Math.max(1, Math.round(raw.height * scale));
  const rgba = await fromRaw(raw).resize(width, height, { fit: 'fill' }).ensureAlpha().raw().toBuffer();
  return Buffer.from(rgbaToThumbHash(width, height, rgba)).toString('base64');
}

async function encode(raw: Raw, spec: VariantSpec, format: 'webp' | 'jpeg', quality: number) {
  const height = spec.height ?? Math.max(1, Math.round((spec.width * raw.height) / raw.width));
  const fit = spec.height === undefined ? 'fill' : 'cover';
  const width = Math.min(spec.width, spec.height === undefined ? raw.width : spec.width);
  const targetHeight = spec.height === undefined ? Math.min(height, raw.height) : height;
  const resized = fromRaw(raw).resize({ width, height: targetHeight, fit, position: 'centre' });
  const encoded = format === 'webp'
    ? resized.webp({ quality, effort: 2 })
    : resized.jpeg({ quality, progressive: true, mozjpeg: false });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  return { name: spec.name, format, bytes: data, width: info.width, height: info.height };
}
