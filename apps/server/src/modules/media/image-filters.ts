import type { CropAspect, FilterRecipe } from './media.ports.js';

/**
 * The filters a person can pick, applied to the pixels on the server so every
 * client sees the same picture. Seed 004 names black-and-white, enhanced
 * contrast and a tint; the rest are looks in the Instagram manner.
 */
export const FILTERS = {
  normal: {},
  mono: { grayscale: true },
  contrast: { contrast: 1.35 },
  tint: { tint: 'dominant' },
  clarendon: { contrast: 1.2, saturation: 1.35 },
  gingham: { brightness: 1.05, saturation: 0.8, contrast: 0.9 },
  juno: { saturation: 1.4, contrast: 1.1, hue: 350 },
  lark: { brightness: 1.1, saturation: 0.85 },
  moon: { grayscale: true, contrast: 1.1, brightness: 1.1 },
  valencia: { tint: '#f3d9b1', contrast: 1.08 },
} as const satisfies Record<string, FilterRecipe>;

export type FilterName = keyof typeof FILTERS;
export const isFilterName = (value: string): value is FilterName => Object.hasOwn(FILTERS, value);

export const CROP_ASPECTS: Record<CropAspect, number> = { '1:1': 1, '4:5': 4 / 5, '1.91:1': 1.91 };
export const isCropAspect = (value: string): value is CropAspect => Object.hasOwn(CROP_ASPECTS, value);

/** The allowed crop nearest to a picture's own shape (used when the person picks none). */
export function nearestCrop(width: number, height: number): CropAspect {
  const ratio = Math.log(width / height);
  let best: CropAspect = '1:1';
  for (const aspect of Object.keys(CROP_ASPECTS) as CropAspect[]) {
    if (Math.abs(Math.log(CROP_ASPECTS[aspect]) - ratio) < Math.abs(Math.log(CROP_ASPECTS[best]) - ratio)) best = aspect;
  }
  return best;
}
