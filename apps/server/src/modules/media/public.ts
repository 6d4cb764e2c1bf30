/**
 * Media: admitting pictures safely (type sniffing, pixel limits), making the
 * variants, and serving the bytes. Other modules import only this file.
 */
import type { EventSubscription } from '../../platform/events.js';
import type { HttpApp } from '../../platform/http/app.js';
import type { Logger } from '../../platform/logger.js';
import { createAvatarStorage } from './avatars.service.js';
import type { BlobStore, ImageProcessor, PhotoProcessor } from './media.ports.js';
import { createPhotoPipeline } from './photos.service.js';
import { registerMediaRoutes } from './media.routes.js';
import { AccountEvents } from '../accounts/public.js';

export type * from './media.ports.js';
export { admitImage, sniffImageFormat } from './image-policy.js';
export { isCropAspect, isFilterName, type FilterName } from './image-filters.js';
export type { PreparedPhoto, StoredPhoto, VariantKeys } from './photos.service.js';

export interface MediaDeps {
  blobs: BlobStore;
  images: ImageProcessor;
  photos: PhotoProcessor;
  maxImagePixels: number;
  /** Where files an upload could not remove after failing are reported (an error line with their keys). */
  logger: Logger;
}

export function createMediaModule(deps: MediaDeps) {
  const log = deps.logger;
  const avatars = createAvatarStorage({ blobs: deps.blobs, images: deps.images, maxPixels: deps.maxImagePixels, log });
  const photos = createPhotoPipeline({ blobs: deps.blobs, images: deps.images, photos: deps.photos, maxPixels: deps.maxImagePixels, log });
  return {
    avatars,
    /** Post photos: admit, process, store and remove (the posts module uses it). */
    photos,
    subscriptions: (): EventSubscription[] => [{
      // A deleted account's avatar files go with it.
      name: 'media.remove-deleted-avatar',
      types: [AccountEvents.deleted],
      async handle(event) {
        const { avatar } = event.payload as { avatar: { sizes: Record<string, string>; color: string } | null };
        if (avatar) await avatars.remove(avatar);
      },
    }],
    registerRoutes(app: HttpApp) {
      registerMediaRoutes(app, deps.blobs);
    },
  };
}

export type MediaModule = ReturnType<typeof createMediaModule>;
export type PhotoPipeline = MediaModule['photos'];
