import { AppError, conflict, unprocessable } from '../../platform/errors.js';
import type { UniqueField } from './accounts.ports.js';

export const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', 'The username, email or password is incorrect.');

export const taken = (field: UniqueField) =>
  conflict(`${field}_taken`, field === 'username' ? 'That username is taken. Try another.' : 'An account already uses that email.', {
    fields: [{ field, message: `already in use` }],
  });

export const invalidUsername = (message: string) => unprocessable('invalid_username', message, [{ field: 'username', message }]);

export const wrongPassword = () =>
  new AppError(403, 'wrong_password', 'The current password is incorrect.', { fields: [{ field: 'currentPassword', message: 'incorrect' }] });
