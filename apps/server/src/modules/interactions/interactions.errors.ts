import { AppError, notFound } from '../../platform/errors.js';

/** Missing, archived, blocked or private-and-not-followed all read the same: nothing leaks. */
export const postNotFound = () => notFound('That post');
export const commentNotFound = () => notFound('That comment');
export const commentsDisabled = () => new AppError(403, 'comments_disabled', 'The author has turned comments off for this post.');
export const notYourComment = () => new AppError(403, 'not_your_comment', 'Only the comment\'s writer or the post\'s author can delete it.');
export const emptyComment = () => new AppError(422, 'empty_comment', 'Write something first.', { fields: [{ field: 'text', message: 'must not be blank' }] });
export const replyElsewhere = () => new AppError(422, 'reply_to_other_post', 'That comment belongs to another post.', { fields: [{ field: 'replyTo', message: 'names a comment on another post' }] });
