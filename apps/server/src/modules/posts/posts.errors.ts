import { AppError, badRequest, forbidden, notFound, unprocessable } from '../../platform/errors.js';

export const postNotFound = () => notFound('That post');
export const albumNotFound = () => notFound('That album');
/** An account that does not exist, or whose posts the viewer may not know about. */
export const accountNotFound = () => notFound('That account');
export const notYourPost = () => forbidden('not_post_owner', 'Only the person who posted this can change it.');
export const notYourAlbum = () => forbidden('not_album_owner', 'Only the owner of this album can change it.');
export const noPhotos = () => badRequest('photos_missing', 'Attach 1 to 10 pictures as multipart fields named "images".');
export const tooManyPhotos = (max: number) => new AppError(413, 'too_many_files', `A post holds at most ${max} photos.`);
export const captionTooLong = (max: number) => unprocessable('caption_too_long', `A caption holds at most ${max} characters.`, [{ field: 'caption', message: `at most ${max} characters` }]);
export const invalidField = (field: string, message: string) => badRequest('validation_failed', `Check ${field}: ${message}.`, [{ field, message }]);
