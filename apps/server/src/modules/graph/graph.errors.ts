import { conflict, notFound, unprocessable, AppError } from '../../platform/errors.js';

export const userNotFound = () => notFound('That account');
export const cannotTargetSelf = (action: string) => unprocessable('cannot_target_self', `You cannot ${action} yourself.`);
export const youBlockThem = () => conflict('blocking_account', 'You block this account. Unblock it first.');
export const privateAccount = () => new AppError(403, 'private_account', 'This account is private. Follow it to see its followers and posts.');
