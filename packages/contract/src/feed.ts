import { Type, type Static } from '@sinclair/typebox';
import { PostWithEngagement } from './posts.js';

export const FeedQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 1024, description: 'Opaque; pass back the nextCursor of the previous page, in the same mode.' })),
  mode: Type.Optional(Type.Union([Type.Literal('ranked'), Type.Literal('following')], {
    default: 'ranked', description: 'ranked (default): recency, engagement, affinity, diversity; following: newest first.',
  })),
});

/** Seed 001: `GET /api/v1/feed` answers `{posts, nextCursor}`. */
export const FeedPage = Type.Object({
  posts: Type.Array(PostWithEngagement),
  nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'Null when there is nothing older.' }),
});

export type FeedQuery = Static<typeof FeedQuery>;
export type FeedPage = Static<typeof FeedPage>;
