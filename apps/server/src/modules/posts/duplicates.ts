import type { Id } from '../../platform/ids.js';
import type { PreparedPhoto } from '../media/public.js';
import type { PostStore } from './posts.ports.js';
import type { DuplicateMatch } from './posts.types.js';

/** dHash distance at or under which two pictures are the same photo re-encoded or resized. */
const SIMILAR_BITS = 6;
/** How far back near-duplicates are looked for: a linear scan, bounded. */
const RECENT_PHOTOS = 5000;

/** Bits set in a 32-bit integer (SWAR popcount). */
function bitCount(n: number): number {
  n -= (n >>> 1) & 0x55555555;
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * Differing bits of two 64-bit hashes of 16 hex digits. It runs for every recent
 * photo of the owner (up to RECENT_PHOTOS) per uploaded photo, so it works on two
 * 32-bit halves instead of shifting a BigInt bit by bit.
 */
export function hammingDistance(a: string, b: string): number {
  const half = (hash: string, from: number) => Number.parseInt(hash.slice(from, from + 8), 16);
  return bitCount(half(a, 0) ^ half(b, 0)) + bitCount(half(a, 8) ^ half(b, 8));
}

/**
 * Earlier posts of the same owner holding the same picture (seed 001): the
 * exact hash of the upload first, then the perceptual hash. Only the owner's
 * own posts are searched, so nothing about anyone else's posts is revealed.
 */
export async function findDuplicates(posts: PostStore, ownerId: Id, photos: readonly PreparedPhoto[]): Promise<DuplicateMatch[]> {
  const matches: DuplicateMatch[] = [];
  let recent: { postId: Id; hash: string }[] | null = null;
  for (const [photoIndex, photo] of photos.entries()) {
    const exact = await posts.withExactPhoto(ownerId, photo.sha256);
    if (exact[0]) {
      matches.push({ photoIndex, postId: exact[0], kind: 'exact' });
      continue;
    }
    recent ??= await posts.recentPerceptualHashes(ownerId, RECENT_PHOTOS);
    const similar = recent.find((entry) => hammingDistance(entry.hash, photo.processed.perceptualHash) <= SIMILAR_BITS);
    if (similar) matches.push({ photoIndex, postId: similar.postId, kind: 'similar' });
  }
  return matches;
}
