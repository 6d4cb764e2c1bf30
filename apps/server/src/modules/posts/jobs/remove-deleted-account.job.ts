import type { EventSubscription } from '../../../platform/events.js';
import type { Id } from '../../../platform/ids.js';
import { AccountEvents } from '../../accounts/public.js';
import type { PhotoPipeline } from '../../media/public.js';
import { PostEvents, postChanged } from '../posts.events.js';
import type { AlbumStore, PostStore } from '../posts.ports.js';

/** A deleted account's posts, photos and albums go with it. Idempotent: a replay finds nothing left. */
export function removeDeletedAccountPostsJob(posts: PostStore, albums: AlbumStore, photos: PhotoPipeline): EventSubscription {
  return {
    name: 'posts.remove-deleted-account',
    types: [AccountEvents.deleted],
    async handle(event) {
      const { userId } = event.payload as { userId: Id };
      await albums.removeAllOf(userId);
      for (const id of await posts.allIdsOf(userId)) {
        const removed = await posts.remove(id, [postChanged(PostEvents.deleted, { id, ownerId: userId })]);
        if (removed) await photos.remove(removed.photos);
      }
    },
  };
}
