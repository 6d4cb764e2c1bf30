import { createRequire } from 'node:module';

interface HeicDecoded {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}
type HeicDecode = (input: { buffer: Buffer }) => Promise<HeicDecoded>;

const require = createRequire(import.meta.url);
let decoder: HeicDecode | null = null;

/**
 * HEIC from phones holds HEVC, which the prebuilt libvips cannot decode (its
 * libheif has AV1 only). libheif compiled to WebAssembly (heic-decode, with
 * libde265) decodes the primary image to RGBA, applying the container's
 * rotation and mirroring itself. Loaded on first use: most servers never see one.
 */
export async function decodeHeic(bytes: Buffer): Promise<{ data: Buffer; width: number; height: number; channels: 4 }> {
  decoder ??= require('heic-decode') as HeicDecode;
  const image = await decoder({ buffer: bytes });
  return { data: Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), width: image.width, height: image.height, channels: 4 };
}
