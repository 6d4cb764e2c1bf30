import type { Album as AlbumView, Post as PostView, PostPhoto as PhotoView } from '@pictor/contract';
import type { MediaUrl } from '../../platform/media-url.js';
import { type User, userSummaryView } from '../accounts/public.js';
import type { Album, Photo, Post } from './posts.types.js';

function photoView(photo: Photo, index: number, mediaUrl: MediaUrl): PhotoView {
  const variants = Object.fromEntries(Object.entries(photo.variants).map(([name, v]) => [
    name, { width: v.width, height: v.height, webp: mediaUrl(v.webp), jpeg: mediaUrl(v.jpeg) },
  ]));
  return {
    index, alt: photo.alt, filter: photo.filter, width: photo.width, height: photo.height,
    color: photo.color, placeholder: photo.placeholder, variants,
  };
}

export function postView(post: Post, author: User, mediaUrl: MediaUrl): PostView {
  const photos = post.photos.map((photo, index) => photoView(photo, index, mediaUrl));
  return {
    id: post.id,
    postId: post.id,
    author: userSummaryView(author, mediaUrl),
    caption: post.caption,
    hashtags: post.hashtags,
    mentions: post.mentions,
    location: post.location,
    tags: post.tags,
    crop: post.crop,
    photos,
    imageUrls: photos.map((photo) => photo.variants.full?.jpeg ?? ''),
    commentsDisabled: post.commentsDisabled,
    hideLikeCount: post.hideLikeCount,
    archived: post.archivedAt !== null,
    createdAt: post.createdAt.toISOString(),
    updatedAt: post.updatedAt.toISOString(),
  };
}

export function albumView(album: Album, owner: User, cover: Post | null, mediaUrl: MediaUrl): AlbumView {
  return {
    id: album.id,
    owner: userSummaryView(owner, mediaUrl),
    name: album.name,
    postCount: album.postCount,
    cover: cover?.photos[0] ? photoView(cover.photos[0], 0, mediaUrl) : null,
    createdAt: album.createdAt.toISOString(),
  };
}
