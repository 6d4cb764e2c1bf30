import { Type, type Static } from '@sinclair/typebox';
import { IdString } from './common.js';

const Password = Type.String({ minLength: 8, maxLength: 256, description: 'At least 8 characters; never truncated.' });

export const SignUpBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 31 }),
    email: Type.String({ minLength: 3, maxLength: 254 }),
    password: Password,
    displayName: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const SignInBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 254, description: 'A username or an email address.' }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

export const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 256 }), newPassword: Password },
  { additionalProperties: false },
);

export const DeleteAccountBody = Type.Object({ password: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false });

export const UpdateProfileBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ maxLength: 64 })),
    bio: Type.Optional(Type.String({ maxLength: 150 })),
    website: Type.Optional(Type.String({ maxLength: 200 })),
    isPrivate: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, description: 'Only these fields change; any other field is ignored.' },
);

export const Avatar = Type.Union([
  Type.Object({ url: Type.String(), urls: Type.Record(Type.String(), Type.String()), color: Type.String() }),
  Type.Null(),
]);

export const Counts = Type.Object({ followers: Type.Integer(), following: Type.Integer(), posts: Type.Integer() });

export const Relationship = Type.Object(
  {
    following: Type.Boolean({ description: 'The viewer follows them.' }),
    followedBy: Type.Boolean({ description: 'They follow the viewer.' }),
    requested: Type.Boolean({ description: 'The viewer asked to follow and awaits approval.' }),
    requestedBy: Type.Boolean({ description: 'They asked to follow the viewer.' }),
    blocking: Type.Boolean(),
    muting: Type.Boolean(),
    restricting: Type.Boolean(),
    isSelf: Type.Boolean(),
  },
  { $id: 'Relationship' },
);

export const UserSummary = Type.Object(
  { id: IdString, username: Type.String(), displayName: Type.String(), avatar: Avatar, isPrivate: Type.Boolean() },
  { $id: 'UserSummary' },
);

export const Profile = Type.Object(
  {
    id: IdString,
    username: Type.String(),
    displayName: Type.String(),
    bio: Type.String(),
    website: Type.String(),
    avatar: Avatar,
    isPrivate: Type.Boolean(),
    counts: Counts,
    relationship: Type.Union([Relationship, Type.Null()], { description: 'Null when nobody is signed in.' }),
    canSeeContent: Type.Boolean({ description: 'False for a private account the viewer does not follow.' }),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Profile' },
);

export const Me = Type.Object(
  {
    id: IdString,
    username: Type.String(),
    email: Type.String(),
    displayName: Type.String(),
    bio: Type.String(),
    website: Type.String(),
    avatar: Avatar,
    isPrivate: Type.Boolean(),
    counts: Counts,
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Me' },
);

export const UserSearchQuery = Type.Object(
  {
    q: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'The start of a username or display name, case-insensitive; a leading "@" is ignored.',
      examples: ['ana'],
    }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 8 })),
  },
  { additionalProperties: false },
);

export const UserSearchResults = Type.Object({
  items: Type.Array(UserSummary, { description: 'Username matches first (alphabetical), then display-name matches.' }),
});

export const SessionResponse = Type.Object({
  token: Type.String({ description: 'Send as Authorization: Bearer <token>; browsers get the same session as a cookie.' }),
  csrfToken: Type.String({ description: 'Browsers send this back in X-CSRF-Token on cookie-authenticated writes.' }),
  user: Me,
});

export type SignUpBody = Static<typeof SignUpBody>;
export type SignInBody = Static<typeof SignInBody>;
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;
export type UpdateProfileBody = Static<typeof UpdateProfileBody>;
export type Relationship = Static<typeof Relationship>;
export type UserSummary = Static<typeof UserSummary>;
export type Profile = Static<typeof Profile>;
export type Me = Static<typeof Me>;
export type SessionResponse = Static<typeof SessionResponse>;
export type UserSearchQuery = Static<typeof UserSearchQuery>;
export type UserSearchResults = Static<typeof UserSearchResults>;
export type Avatar = Static<typeof Avatar>;
