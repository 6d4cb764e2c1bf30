import { Type, type Static } from '@sinclair/typebox';
import { page } from './common.js';
import { Relationship, UserSummary } from './accounts.js';

export const FollowResult = Type.Object({
  status: Type.Union([Type.Literal('following'), Type.Literal('requested'), Type.Literal('none')]),
  relationship: Relationship,
});

export const UserPage = page(UserSummary, 'users');

export type FollowResult = Static<typeof FollowResult>;
export type UserPage = Static<typeof UserPage>;
