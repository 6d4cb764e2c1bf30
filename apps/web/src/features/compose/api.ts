import type { CreatePostResponse, GeoPoint } from '@pictor/contract';
import { type UploadProgress, uploadForm } from '../../api/upload';
import type { Crop } from './filters';

export interface Draft {
  id: string;
  file: File;
  url: string;
  filter: string;
  alt: string;
}

export interface PostDraft {
  photos: Draft[];
  crop: Crop;
  caption: string;
  /** A place name, with coordinates only when the person added their position. */
  location: GeoPoint | null;
}

/** POST /api/v1/posts as multipart, with an Idempotency-Key so a retried send cannot post twice. */
export function publish(draft: PostDraft, key: string, onProgress: (p: UploadProgress) => void) {
  const form = new FormData();
  form.append('caption', draft.caption);
  form.append('crop', draft.crop);
  if (draft.location) form.append('location', JSON.stringify(draft.location));
  for (const photo of draft.photos) {
    form.append('filter', photo.filter);
    form.append('alt', photo.alt);
  }
  for (const photo of draft.photos) form.append('images', photo.file, photo.file.name);
  return uploadForm<CreatePostResponse>('POST', '/posts', form, onProgress, { 'idempotency-key': key });
}
