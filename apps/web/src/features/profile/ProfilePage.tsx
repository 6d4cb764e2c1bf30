import { useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { Icon } from '../../ui/Icon';
import { EmptyState, ErrorState, Spinner } from '../../ui/States';
import { ProfilePosts } from '../posts/ProfilePosts';
import { useProfile } from './api';
import { ProfileHeader } from './ProfileHeader';

export default function ProfilePage() {
  const { username = '' } = useParams();
  const profile = useProfile(username);
  if (profile.isPending) return <Spinner />;
  if (profile.error instanceof ApiError && profile.error.status === 404) {
    return (
      <EmptyState title="Sorry, this page isn't available.">
        <p>The link may be broken, or the profile may have been removed.</p>
      </EmptyState>
    );
  }
  if (profile.isError) return <ErrorState error={profile.error} retry={() => profile.refetch()} />;
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
