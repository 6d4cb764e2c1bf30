import { postForm } from './photos.js';

/** A multipart body with one file field named "file" (the avatar upload). */
export const multipartFile = (bytes: Buffer, filename: string, type: string) => postForm([{ bytes, filename, type, field: 'file' }]);
