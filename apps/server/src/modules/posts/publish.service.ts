import type { Clock } from '../../platform/clock.js';
import { conflict } from '../../platform/errors.js';
import type { Id, IdGenerator } from '../../platform/ids.js';
import type { Logger } from '../../platform/logger.js';
import { type CropAspect, type FilterName, isCropAspect, isFilterName, type PhotoPipeline, type PreparedPhoto } from '../media/public.js';
import { cleanAlt, cleanTags, parseCaption } from './caption.js';
import { findDuplicates } from './duplicates.js';
import { type PlaceInput, validateLocation } from './location.js';
import { postCreated } from './posts.events.js';
import { invalidField, noPhotos, tooManyPhotos } from './posts.errors.js';
import type { PostStore } from './posts.ports.js';
import type { DuplicateMatch, Post } from './posts.types.js';

const MAX_PHOTOS = 10;

export interface PublishInput {
  ownerId: Id;
  images: Buffer[];
  caption: string;
  crop?: string;
  filters: string[];
  alts: string[];
  location: PlaceInput | null;
  tags: string[];
  idempotencyKey: string | null;
}

export interface Published {
  post: Post;
  duplicates: DuplicateMatch[];
  /** False when an idempotency key answered an earlier post. */
  created: boolean;
}

/**
 * Publishing is all or nothing: every photo is admitted before any is
 * processed, every photo is processed before any is stored, and the post is
 * written (with its `posts.created` event) only when every file is in place.
 * Any failure removes what was written. Each call takes the logger to report
 * to: the route passes the request's, so a removal that fails is logged with
 * the request it belonged to.
 */
export function createPublishing(deps: { posts: PostStore; photos: PhotoPipeline; ids: IdGenerator; clock: Clock }) {
  async function replay(ownerId: Id, key: string | null): Promise<Published | null> {
    const existingId = key ? await deps.posts.findByIdempotencyKey(ownerId, key) : null;
    const existing = existingId ? await deps.posts.findById(existingId) : null;
    return existing ? { post: existing, duplicates: [], created: false } : null;
  }

  return async function publish(input: PublishInput, log: Logger): Promise<Published> {
    const earlier = await replay(input.ownerId, input.idempotencyKey);
    if (earlier) return earlier;
    const details = validate(input);
    const headers = [];
    for (const bytes of input.images) headers.push(await deps.photos.admit(bytes));
    const crop: CropAspect = details.crop ?? deps.photos.nearestCrop(headers[0]!);
    const prepared: PreparedPhoto[] = [];
    for (const [index, bytes] of input.images.entries()) {
      prepared.push(await deps.photos.prepare(bytes, headers[index]!, { crop, filter: details.filters[index]! }));
    }
    const duplicates = await findDuplicates(deps.posts, input.ownerId, prepared);
    const id = deps.ids.next();
    const now = deps.clock.now();
    const stored = await deps.photos.store(`${input.ownerId}/${id}`, prepared);
    const post: Post = {
      id, ownerId: input.ownerId, caption: details.caption.text, hashtags: details.caption.hashtags, mentions: details.caption.mentions,
      location: details.location, tags: details.tags, crop,
      photos: stored.map((photo, index) => ({ ...photo, alt: details.alts[index]!, filter: details.filters[index]! })),
      commentsDisabled: false, hideLikeCount: false, archivedAt: null, createdAt: now, updatedAt: now,
    };
    // No row points at these files: a removal that fails is logged (which files, for which post, why), never thrown.
    const discard = (reason: string) => deps.photos.discard(deps.photos.filesOf(post.photos), log, { postId: id, reason });
    const result = await deps.posts.create(post, input.idempotencyKey, [postCreated(post)]).catch(async (error: unknown) => {
      await discard('the post could not be written');
      throw error;
    });
    if (result.created) return { post, duplicates, created: true };
    // Another request with the same key won the race: keep its post, drop our files.
    await discard('another request with the same Idempotency-Key made the post');
    const winner = await deps.posts.findById(result.existingId);
    // Deleted in the meantime: ours is gone too, so there is no post to answer with.
    if (!winner) throw conflict('idempotency_key_reused', 'The post this Idempotency-Key made was deleted meanwhile. Send it again.');
    return { post: winner, duplicates: [], created: false };
  };
}

function validate(input: PublishInput) {
  if (input.images.length === 0) throw noPhotos();
  if (input.images.length > MAX_PHOTOS) throw tooManyPhotos(MAX_PHOTOS);
  if (input.crop !== undefined && !isCropAspect(input.crop)) throw invalidField('crop', 'use 1:1, 4:5 or 1.91:1');
  if (input.filters.length > input.images.length) throw invalidField('filter', 'one filter per photo at most');
  if (input.alts.length > input.images.length) throw invalidField('alt', 'one alt text per photo at most');
  const filters = input.images.map((_, index) => {
    const name = input.filters[index] || 'normal';
    if (!isFilterName(name)) throw invalidField(`filter[${index}]`, `unknown filter "${name.slice(0, 40)}"`);
    return name as FilterName;
  });
  return {
    location: input.location ? validateLocation(input.location) : null,
    crop: input.crop as CropAspect | undefined,
    caption: parseCaption(input.caption),
    alts: input.images.map((_, index) => cleanAlt(input.alts[index] ?? '', index)),
    filters,
    tags: cleanTags(input.tags),
  };
}
