import { useParams } from 'react-router';
import { Icon } from '../../ui/Icon';
import { EmptyState, PageError, Spinner } from '../../ui/States';
import { ProfilePosts } from '../posts/ProfilePosts';
import { useProfile } from './api';
import { ProfileHeader } from './ProfileHeader';

export default function ProfilePage() {
  const { username = '' } = useParams();
  const profile = useProfile(username);
  if (profile.isPending) return <Spinner />;
  if (profile.isError) return <PageError error={profile.error} retry={() => profile.refetch()} />;
  const data = profile.data;
  return (
    <div className="page">
      <ProfileHeader profile={data} />
      {data.relationship?.blocking ? (
        <EmptyState title={`You blocked ${data.username}`}>
          <p>They can't see your posts or find your profile. Unblock to see theirs.</p>
        </EmptyState>
      ) : data.canSeeContent ? (
        <ProfilePosts profile={data} />
      ) : (
        <EmptyState icon={<Icon name="lock" size={48} strokeWidth={1.2} />} title="This account is private">
          <p>Follow this account to see their photos.</p>
        </EmptyState>
      )}
    </div>
  );
}
