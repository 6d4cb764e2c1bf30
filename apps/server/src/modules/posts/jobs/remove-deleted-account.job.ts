import type { EventSubscription } from '../../../platform/events.js';
import type { Id } from '../../../platform/ids.js';
import { AccountEvents } from '../../accounts/public.js';
import type { PhotoPipeline } from '../../media/public.js';
import { postDeleted } from '../posts.events.js';
import type { AlbumStore, PostStore } from '../posts.ports.js';

/** Posts read per round when an account goes: one query each for many posts. */
const BATCH = 100;

/**
 * A deleted account's posts and albums go with it; each post's files follow through
 * its posts.deleted event (remove-deleted-post-files). Idempotent: a replay finds nothing left.
 */
export function removeDeletedAccountPostsJob(posts: PostStore, albums: AlbumStore, photos: PhotoPipeline): EventSubscription {
  return {
    name: 'posts.remove-deleted-account',
    types: [AccountEvents.deleted],
    async handle(event) {
      const { userId } = event.payload as { userId: Id };
      await albums.removeAllOf(userId);
      const ids = await posts.allIdsOf(userId);
      for (let start = 0; start < ids.length; start += BATCH) {
        for (const post of await posts.findManyByIds(ids.slice(start, start + BATCH))) {
          await posts.remove(post.id, [postDeleted(post, photos.filesOf(post.photos))]);
        }
      }
    },
  };
}
