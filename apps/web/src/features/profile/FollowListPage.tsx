import { Link, useParams } from 'react-router';
import { EmptyState, PageError, Spinner } from '../../ui/States';
import { useProfile, useUserPages } from './api';
import { UserList } from './UserList';

export default function FollowListPage({ direction }: { direction: 'followers' | 'following' }) {
  const { username = '' } = useParams();
  const profile = useProfile(username);
  const id = profile.data?.id;
  const list = useUserPages(['users', id, direction], `/users/${id}/${direction}`, Boolean(id));
  if (profile.isPending) return <Spinner />;
  if (profile.isError) return <PageError error={profile.error} retry={() => profile.refetch()} />;
  return (
    <div className="page page-narrow">
      <h1 className="page-title">
        <Link to={`/${username}`}>{username}</Link> · {direction === 'followers' ? 'Followers' : 'Following'}
      </h1>
      <UserList list={list} empty={<EmptyState title={direction === 'followers' ? 'No followers yet' : 'Not following anyone yet'} />} />
    </div>
  );
}
