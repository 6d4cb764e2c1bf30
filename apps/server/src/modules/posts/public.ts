/**
 * Posts: publishing photos (carousels, captions, crops, filters), editing,
 * archive, deletion, profile pages and albums. Other modules import only this file.
 */
import type { Clock } from '../../platform/clock.js';
import type { EventSubscription } from '../../platform/events.js';
import type { HttpApp } from '../../platform/http/app.js';
import type { IdGenerator } from '../../platform/ids.js';
import type { MediaUrl } from '../../platform/media-url.js';
import type { AccountDirectory } from '../accounts/public.js';
import type { Visibility } from '../graph/public.js';
import type { PhotoPipeline } from '../media/public.js';
import { createAlbums } from './albums.service.js';
import { registerAlbumRoutes } from './albums.routes.js';
import { removeDeletedAccountPostsJob } from './jobs/remove-deleted-account.job.js';
import { removeDeletedPostFilesJob } from './jobs/remove-deleted-post-files.job.js';
import { createPostAccess } from './post-access.service.js';
import { createEngagedViews } from './engaged-views.js';
import type { AlbumStore, EngagementSource, PostStore } from './posts.ports.js';
import { registerPostRoutes } from './posts.routes.js';
import { postView } from './posts.views.js';
import { createProfilePosts } from './profile-posts.js';
import { createPublishing } from './publish.service.js';

export type { EngagedViews } from './engaged-views.js';
export type { AlbumStore, EngagementSource, PostEngagement, PostStore } from './posts.ports.js';
export { withEngagement } from './posts.views.js';
/** A post's API view without engagement (the feed adds its own per request). */
export type PresentPost = typeof postView;
export type * from './posts.types.js';
export { PostEvents, type PostCreatedPayload, type PostDeletedPayload } from './posts.events.js';

export interface PostsDeps {
  stores: { posts: PostStore; albums: AlbumStore };
  photos: PhotoPipeline;
  accounts: AccountDirectory;
  visibility: Visibility;
  /** Likes and comments for read routes; supplied by interactions through the composition root. */
  engagement: EngagementSource;
  platform: { ids: IdGenerator; clock: Clock; mediaUrl: MediaUrl };
}

export function createPostsModule(deps: PostsDeps) {
  const { posts, albums: albumStore } = deps.stores;
  const { ids, clock, mediaUrl } = deps.platform;
  const { accounts, visibility, photos } = deps;
  const publish = createPublishing({ posts, photos, ids, clock });
  const access = createPostAccess({ posts, photos, accounts, visibility, clock });
  const albums = createAlbums({ albums: albumStore, posts, accounts, visibility, ids, clock });
  const present = createEngagedViews(deps.engagement, mediaUrl);
  const profilePosts = createProfilePosts({ posts, access, accounts, visibility, present });

  return {
    /**
     * The API view of a post, for modules that answer posts: bare (the feed, which adds
     * counts per request), or with one viewer's engagement (saved posts).
     */
    reader: { present: postView, presentEngaged: present },
    subscriptions: (): EventSubscription[] => [removeDeletedAccountPostsJob(posts, albumStore, photos), removeDeletedPostFilesJob(photos)],
    registerRoutes(app: HttpApp) {
      registerPostRoutes(app, { publish, access, profilePosts, photos, accounts, mediaUrl, present });
      registerAlbumRoutes(app, { albums, access, accounts, mediaUrl });
    },
  };
}

export type PostsModule = ReturnType<typeof createPostsModule>;
