import { Sheet } from '../../ui/Sheet';
import { EmptyState } from '../../ui/States';
import { UserList } from '../profile/UserList';
import { useLikers } from './api';

/**
 * Who liked a post, a page at a time as the sheet is scrolled (UserList and LoadMore, as the
 * followers lists): a post liked by thousands shows them all, and a page that fails offers Try again.
 */
export function LikersSheet({ postId, open, onClose }: { postId: string; open: boolean; onClose: () => void }) {
  const likers = useLikers(postId, open);
  return (
    <Sheet open={open} onClose={onClose} title="Likes">
      <div className="sheet-list">
        <UserList list={likers} empty={<EmptyState title="No likes yet" />} />
      </div>
    </Sheet>
  );
}
