/**
 * Likes, comments (one-level threads), comment likes and saves, and the derived
 * counters. Other modules import only this file.
 */
export type * from './interactions.ports.js';
export type * from './interactions.types.js';
export { InteractionEvents, type CommentedPayload, type LikedPayload } from './interactions.events.js';
