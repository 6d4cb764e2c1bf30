import { hasForbiddenCharacters } from '../../platform/text.js';
import { invalidUsername } from './accounts.errors.js';
import { unprocessable } from '../../platform/errors.js';

/** Instagram's shape: letters, digits, dots and underscores, up to 30, stored lowercase. */
const USERNAME = /^[a-z0-9._]{1,30}$/;

/** Names that would collide with our own pages or impersonate the service. */
const RESERVED = new Set([
  'admin', 'administrator', 'api', 'app', 'about', 'accounts', 'explore', 'feed', 'help', 'home', 'login', 'logout',
  'me', 'media', 'messages', 'notifications', 'p', 'pictor', 'posts', 'reels', 'root', 'search', 'settings',
  'signup', 'stories', 'support', 'system', 'u', 'users', 'www',
]);

export function normalizeUsername(raw: string): string {
  const username = raw.normalize('NFC').trim().toLowerCase().replace(/^@/, '');
  if (!USERNAME.test(username)) {
    throw invalidUsername('Use up to 30 letters, numbers, periods and underscores.');
  }
  if (username.startsWith('.') || username.endsWith('.') || username.includes('..')) {
    throw invalidUsername('A username cannot start or end with a period, or have two in a row.');
  }
  if (/^[0-9._]+$/.test(username)) throw invalidUsername('A username needs at least one letter.');
  if (RESERVED.has(username)) throw invalidUsername('That username is reserved. Try another.');
  return username;
}

export function normalizeEmail(raw: string): string {
  const email = raw.normalize('NFC').trim().toLowerCase();
  if (hasForbiddenCharacters(email) || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw unprocessable('invalid_email', 'Enter a valid email address.', [{ field: 'email', message: 'not an email address' }]);
  }
  return email;
}

/** Passwords are compared byte for byte after NFC, so the same typed text always matches. */
export function normalizePassword(raw: string): string {
  return raw.normalize('NFC');
}

/** Whatever someone typed to sign in, in the form it is looked up by. */
export function signInIdentifier(raw: string): { kind: 'email' | 'username'; value: string } {
  const value = raw.normalize('NFC').trim().toLowerCase().replace(/^@/, '');
  return { kind: value.includes('@') ? 'email' : 'username', value };
}
