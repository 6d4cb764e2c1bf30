import { Type, type Static } from '@sinclair/typebox';
import { UserSummary } from './accounts.js';
import { IdString, page } from './common.js';
import { PostWithEngagement } from './posts.js';


export const LikeResult = Type.Object({
  liked: Type.Boolean(),
  likes: Type.Union([Type.Integer(), Type.Null()]),
});

export const SaveResult = Type.Object({ saved: Type.Boolean() });

export const Comment = Type.Object(
  {
    id: IdString,
    postId: IdString,
    parentId: Type.Union([IdString, Type.Null()], { description: 'The top-level comment this replies to; null for top level.' }),
    author: UserSummary,
    text: Type.String(),
    mentions: Type.Array(Type.String()),
    likes: Type.Integer(),
    replies: Type.Integer(),
    viewerHasLiked: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Comment' },
);

export const CreateCommentBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 2200 }),
    mentionedUsers: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20, description: 'Usernames, with or without "@" (seed 001).' })),
    replyTo: Type.Optional(IdString),
  },
  { additionalProperties: false },
);

export const CommentPage = page(Comment, 'comments');
export const LikerPage = page(UserSummary, 'likers');
export const SavedPage = page(PostWithEngagement, 'saved posts');
export const ShareLink = Type.Object({ postId: IdString, url: Type.String() });

export type LikeResult = Static<typeof LikeResult>;
export type SaveResult = Static<typeof SaveResult>;
export type Comment = Static<typeof Comment>;
export type CreateCommentBody = Static<typeof CreateCommentBody>;
export type CommentPage = Static<typeof CommentPage>;
export type LikerPage = Static<typeof LikerPage>;
export type SavedPage = Static<typeof SavedPage>;
export type ShareLink = Static<typeof ShareLink>;
