import type { PostPage } from '@pictor/contract';
import { seqCursor } from '../../platform/cursor.js';
import { type Id, isId } from '../../platform/ids.js';
import { AppError } from '../../platform/errors.js';
import type { AccountDirectory } from '../accounts/public.js';
import type { Visibility } from '../graph/public.js';
import type { PostAccess } from './post-access.service.js';
import type { EngagedViews } from './engaged-views.js';
import { accountNotFound } from './posts.errors.js';
import type { PostStore } from './posts.ports.js';

/** seed 002 get_profile_feed: a profile's posts newest first, for whoever may see them. */
export function createProfilePosts(deps: { posts: PostStore; access: PostAccess; accounts: AccountDirectory; visibility: Visibility; present: EngagedViews }) {
  return {
    async page(viewerId: Id | null, rawOwnerId: string, archived: boolean, after: string | null, limit: number): Promise<PostPage> {
      const owner = isId(rawOwnerId) ? await deps.accounts.findById(rawOwnerId) : null;
      if (!owner) throw accountNotFound();
      // One relation look-up when the posts may be seen; only a refusal asks whether a block (404) or privacy (403) is why.
      if (!(await deps.visibility.canSeeContent(viewerId, owner))) {
        if (await deps.visibility.hidden(viewerId, owner.id)) throw accountNotFound();
        throw new AppError(403, 'private_account', 'This account is private. Follow it to see its posts.');
      }
      // Archived posts are listed only for their owner.
      const page = await deps.posts.listByOwner(owner.id, archived && viewerId === owner.id, after, limit);
      const items = await deps.access.ofOwner(viewerId, owner, page.ids);
      return { items: await deps.present(viewerId, items), nextCursor: seqCursor(page.next) };
    },
  };
}
