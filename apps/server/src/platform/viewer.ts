import type { Id } from './ids.js';

/** Who is making a request, once their session is known. */
export interface Viewer {
  userId: Id;
  tokenHash: Buffer;
  /** How the request proved it: browsers use the cookie and must pass the CSRF check. */
  via: 'cookie' | 'bearer';
}
