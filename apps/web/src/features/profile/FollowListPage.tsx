import { Link, useParams } from 'react-router';
import { ErrorState, EmptyState, Spinner } from '../../ui/States';
import { LoadMore } from '../../ui/LoadMore';
import { useProfile, useUserPages } from './api';
import { UserRow } from './UserRow';

export default function FollowListPage({ direction }: { direction: 'followers' | 'following' }) {
  const { username = '' } = useParams();
  const profile = useProfile(username);
  const id = profile.data?.id;
  const list = useUserPages(['users', id, direction], `/users/${id}/${direction}`, Boolean(id));
  if (profile.isPending || (id && list.isPending)) return <Spinner />;
  if (profile.isError) return <ErrorState error={profile.error} />;
  if (list.isError) return <ErrorState error={list.error} retry={() => list.refetch()} />;
  const users = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="page page-narrow">
      <h1 className="page-title">
        <Link to={`/${username}`}>{username}</Link> · {direction === 'followers' ? 'Followers' : 'Following'}
      </h1>
      {users.length === 0 ? (
        <EmptyState title={direction === 'followers' ? 'No followers yet' : 'Not following anyone yet'} />
      ) : (
        <ul className="user-list">
          {users.map((user) => (
            <UserRow key={user.id} user={user} />
          ))}
        </ul>
      )}
      <LoadMore query={list} />
    </div>
  );
}
