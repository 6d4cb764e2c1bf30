import type { Id } from '../../platform/ids.js';
import type { PreparedPhoto } from '../media/public.js';
import type { PostStore } from './posts.ports.js';
import type { DuplicateMatch } from './posts.types.js';

/** dHash distance at or under which two pictures are the same photo re-encoded or resized. */
const SIMILAR_BITS = 6;
/** How far back near-duplicates are looked for: a linear scan, bounded. */
const RECENT_PHOTOS = 5000;

export function hammingDistance(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let bits = 0;
  while (x) {
    bits += Number(x & 1n);
    x >>= 1n;
  }
  return bits;
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
