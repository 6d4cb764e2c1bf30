import type { EventSubscription } from '../../../platform/events.js';
import type { PhotoPipeline } from '../../media/public.js';
import { type PostDeletedPayload, PostEvents } from '../posts.events.js';

/**
 * A deleted post's files go after its row, from the keys its posts.deleted event
 * carries: retried until they are gone, so no crash or failing disk orphans them.
 * Idempotent: files already gone are fine.
 */
export function removeDeletedPostFilesJob(photos: PhotoPipeline): EventSubscription {
  return {
    name: 'posts.remove-deleted-files',
    types: [PostEvents.deleted],
    async handle(event) {
      // Events written before posts.deleted carried its files had them removed at once.
      const { files } = event.payload as Partial<PostDeletedPayload>;
      if (files?.length) await photos.remove(files);
    },
  };
}
