import type { PostPage } from '@pictor/contract';
import { encodeCursor } from '../../platform/cursor.js';
import { type Id, isId } from '../../platform/ids.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { AccountDirectory } from '../accounts/public.js';
import type { Visibility } from '../graph/public.js';
import type { PostAccess } from './post-access.service.js';
import type { EngagedViews } from './engaged-views.js';

/** seed 002 get_profile_feed: a profile's posts newest first, for whoever may see them. */
export function createProfilePosts(deps: { access: PostAccess; accounts: AccountDirectory; visibility: Visibility; present: EngagedViews }) {
  return {
    async page(viewerId: Id | null, rawOwnerId: string, archived: boolean, after: string | null, limit: number): Promise<PostPage> {
      const owner = isId(rawOwnerId) ? await deps.accounts.findById(rawOwnerId) : null;
      if (!owner || (await deps.visibility.hidden(viewerId, owner.id))) throw notFound('That account');
      if (!(await deps.visibility.canSeeContent(viewerId, owner))) {
        throw new AppError(403, 'private_account', 'This account is private. Follow it to see its posts.');
      }
      const page = await deps.access.profilePage(owner.id, archived && viewerId === owner.id, after, limit);
      const items = await deps.access.hydrate(viewerId, page.ids);
      return { items: await deps.present(viewerId, items), nextCursor: page.next ? encodeCursor({ s: page.next }) : null };
    },
  };
}
