import type { Post } from '@pictor/contract';

/**
 * The server's named filters (apps/server/src/modules/media/image-filters.ts) approximated
 * with CSS filters for the preview; the server applies the real ones to the pixels.
 */
export const FILTERS: { name: string; label: string; css: string }[] = [
  { name: 'normal', label: 'Normal', css: 'none' },
  { name: 'clarendon', label: 'Clarendon', css: 'contrast(1.2) saturate(1.35)' },
  { name: 'gingham', label: 'Gingham', css: 'brightness(1.05) saturate(0.8) contrast(0.9)' },
  { name: 'moon', label: 'Moon', css: 'grayscale(1) contrast(1.1) brightness(1.1)' },
  { name: 'lark', label: 'Lark', css: 'brightness(1.1) saturate(0.85)' },
  { name: 'juno', label: 'Juno', css: 'saturate(1.4) contrast(1.1) hue-rotate(-10deg)' },
  { name: 'valencia', label: 'Valencia', css: 'sepia(0.25) contrast(1.08)' },
  { name: 'mono', label: 'Mono', css: 'grayscale(1)' },
  { name: 'contrast', label: 'Contrast', css: 'contrast(1.35)' },
  { name: 'tint', label: 'Tint', css: 'sepia(0.35) saturate(1.2)' },
];

export const cssFilter = (name: string) => FILTERS.find((f) => f.name === name)?.css ?? 'none';

// `satisfies` ties the choices to the contract's crop values: a renamed or dropped one fails typecheck.
export const CROPS = [
  { value: '1:1', label: 'Square', ratio: '1 / 1' },
  { value: '4:5', label: 'Portrait', ratio: '4 / 5' },
  { value: '1.91:1', label: 'Landscape', ratio: '1.91 / 1' },
] as const satisfies readonly { value: Post['crop']; label: string; ratio: string }[];
export type Crop = (typeof CROPS)[number]['value'];

export const MAX_PHOTOS = 10;
const MAX_BYTES = 30 * 1024 * 1024;
const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/heic', 'image/heif', 'image/avif'];
export const ACCEPT_ATTR = ACCEPTED.join(',');

/** Refusals we can tell before uploading; the server checks the real bytes again. */
export function refuseReason(file: File): string | null {
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > MAX_BYTES) return `${file.name} is larger than 30 MB.`;
  if (file.type && !ACCEPTED.includes(file.type) && !/\.(heic|heif)$/i.test(file.name)) {
    return `${file.name} is not a photo Pictor can use (JPEG, PNG, WebP, GIF, HEIC or AVIF).`;
  }
  return null;
}
