import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { UserSummary } from './accounts.js';
import { IdString, page, refTo } from './common.js';

export const CropAspect = Type.Union([Type.Literal('1:1'), Type.Literal('4:5'), Type.Literal('1.91:1')]);

const Rendition = Type.Object({
  width: Type.Integer(),
  height: Type.Integer(),
  webp: Type.String({ description: 'Content-addressed URL; immutable.' }),
  jpeg: Type.String({ description: 'Content-addressed URL; immutable.' }),
});

export const PostPhoto = Type.Object(
  {
    index: Type.Integer(),
    alt: Type.String(),
    filter: Type.String(),
    width: Type.Integer(),
    height: Type.Integer(),
    color: Type.String({ description: 'Dominant colour #rrggbb, to paint before the bytes arrive.' }),
    placeholder: Type.String({ description: 'ThumbHash, base64.' }),
    variants: Type.Record(Type.String(), Rendition, { description: 'thumb (150×150), feed (640 wide), full (1080 wide).' }),
  },
  { $id: 'PostPhoto' },
);

/** A place: always a name; coordinates only when the device shared them (both or neither). */
export const GeoPoint = Type.Object({
  lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  name: Type.String({ minLength: 1, maxLength: 200 }),
});

export const Post = Type.Object(
  {
    id: IdString,
    postId: IdString,
    author: UserSummary,
    caption: Type.String(),
    hashtags: Type.Array(Type.String()),
    mentions: Type.Array(Type.String()),
    location: Type.Union([GeoPoint, Type.Null()]),
    tags: Type.Array(Type.String()),
    crop: CropAspect,
    photos: Type.Array(PostPhoto),
    imageUrls: Type.Array(Type.String(), { description: 'The full-size JPEG of each photo (seed 001).' }),
    commentsDisabled: Type.Boolean(),
    hideLikeCount: Type.Boolean(),
    archived: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Post' },
);

export const DuplicateMatch = Type.Object({
  photoIndex: Type.Integer(),
  postId: IdString,
  kind: Type.Union([Type.Literal('exact'), Type.Literal('similar')]),
});

export const CreatePostResponse = Type.Object({
  postId: IdString,
  imageUrls: Type.Array(Type.String()),
  post: Post,
  duplicates: Type.Array(DuplicateMatch, { description: 'Earlier posts of yours that hold the same picture.' }),
});

/**
 * One JSON type list (`["number", "null"]`) rather than anyOf: a wrong value then reads as one
 * problem naming its field, not one per branch of the union.
 */
const orNull = <T extends TSchema & { type: string }>(schema: T) => Type.Unsafe<Static<T> | null>({ ...schema, type: [schema.type, 'null'] });

/**
 * A place as a client sends it, when publishing (the `location` form field, as JSON) and editing.
 * The server checks the values alike in both: a name of 1 to 200 characters, one line, no invisible
 * characters, trimmed; `lat` (-90 to 90) and `lon` (-180 to 180) both or neither, null counting as absent.
 */
export const LocationInput = Type.Object({
  lat: Type.Optional(orNull(Type.Number())),
  lon: Type.Optional(orNull(Type.Number())),
  name: Type.String(),
});

export const UpdatePostBody = Type.Object(
  {
    caption: Type.Optional(Type.String({ maxLength: 10000 })),
    alts: Type.Optional(Type.Array(Type.String({ maxLength: 5000 }), { maxItems: 10, description: 'One per photo, in order.' })),
    location: Type.Optional(
      orNull({
        ...LocationInput,
        description:
          'Where the post was made, checked as publishing checks it: a name of 1 to 200 characters on one line, and lat (-90 to 90) '
          + 'and lon (-180 to 180) both or neither. null removes the place; leave it out to keep it.',
      }),
    ),
    commentsDisabled: Type.Optional(Type.Boolean()),
    hideLikeCount: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/**
 * A post as the read routes (single post, profile grid, feed, saved list) and the
 * owner's edit answer it: the `Post` shape plus the seed 001 feed fields and what
 * this viewer has done with it.
 */
export const PostWithEngagement = Type.Composite(
  [
    Post,
    Type.Object({
      userId: IdString,
      username: Type.String(),
      likes: Type.Union([Type.Integer(), Type.Null()], { description: 'Null when the author hides like counts from others.' }),
      comments: Type.Integer(),
      viewerHasLiked: Type.Boolean(),
      viewerHasSaved: Type.Boolean(),
      timestamp: Type.String({ format: 'date-time', description: 'When the post was published (seed 001).' }),
    }),
  ],
  { $id: 'PostWithEngagement' },
);

export const PostPage = page(PostWithEngagement, 'posts');

export const Album = Type.Object(
  {
    id: IdString,
    owner: UserSummary,
    name: Type.String(),
    postCount: Type.Integer(),
    cover: Type.Union([PostPhoto, Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Album' },
);

export const AlbumBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 300 }) }, { additionalProperties: false });
export const AlbumPage = page(Album, 'albums');
// By reference: the album and its posts share UserSummary and PostPhoto, which may appear only once inline.
export const AlbumWithPosts = Type.Object({
  album: refTo(Album),
  posts: Type.Object({ items: Type.Array(refTo(Post)), nextCursor: Type.Union([Type.String(), Type.Null()]) }),
});

export type GeoPoint = Static<typeof GeoPoint>;
export type LocationInput = Static<typeof LocationInput>;
export type Post = Static<typeof Post>;
export type PostWithEngagement = Static<typeof PostWithEngagement>;
export type PostPhoto = Static<typeof PostPhoto>;
export type CreatePostResponse = Static<typeof CreatePostResponse>;
export type UpdatePostBody = Static<typeof UpdatePostBody>;
export type PostPage = Static<typeof PostPage>;
export type Album = Static<typeof Album>;
export type AlbumBody = Static<typeof AlbumBody>;
export type AlbumPage = Static<typeof AlbumPage>;
export type AlbumWithPosts = Static<typeof AlbumWithPosts>;
