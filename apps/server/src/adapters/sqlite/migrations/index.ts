import { accountsSchema } from './001-accounts.js';
import { graphSchema } from './002-graph.js';
import { postsSchema } from './003-posts.js';
import { accountsSearchSchema } from './004-accounts-search.js';
import { platformSchema } from './000-platform.js';
import { interactionsSchema } from './010-interactions.js';
import { feedSchema } from './011-feed.js';
import { interactionsByUserSchema } from './012-interactions-by-user.js';

export interface Migration {
  name: string;
  sql: string;
}

/** Applied in order, once each; never edit one that has shipped, add a new one. */
export const MIGRATIONS: Migration[] = [platformSchema, accountsSchema, graphSchema, postsSchema, accountsSearchSchema, interactionsSchema, feedSchema, interactionsByUserSchema];
