import { TryAgain } from '../../ui/LoadMore';
import { Sheet } from '../../ui/Sheet';
import { Spinner } from '../../ui/States';
import { UserRow } from '../profile/UserRow';
import { useLikers } from './api';

export function LikersSheet({ postId, open, onClose }: { postId: string; open: boolean; onClose: () => void }) {
  const likers = useLikers(postId, open);
  return (
    <Sheet open={open} onClose={onClose} title="Likes">
      {likers.isPending ? (
        <Spinner />
      ) : likers.isError ? (
        <TryAgain error={likers.error} retry={likers.refetch} />
      ) : (
        <ul className="user-list sheet-list">
          {likers.data?.items.map((user) => (
            <UserRow key={user.id} user={user} />
          ))}
        </ul>
      )}
    </Sheet>
  );
}
