import { EmptyState } from '../../ui/States';
import { Icon, type IconName } from '../../ui/Icon';

const copy: Record<string, { icon: IconName; title: string; body: string }> = {
  explore: { icon: 'explore', title: 'Explore', body: 'Discover photos from people you don’t follow yet. Coming soon.' },
  search: { icon: 'search', title: 'Search', body: 'Find people, hashtags and places. Coming soon.' },
  reels: { icon: 'reels', title: 'Reels', body: 'Short videos from the people you follow will play here. Coming soon.' },
  messages: { icon: 'messages', title: 'Your messages', body: 'Send private photos and messages to a friend or group. Coming soon.' },
  notifications: { icon: 'heart', title: 'Activity', body: 'When people like or comment on your posts, you’ll see it here.' },
};

export default function ComingSoonPage({ feature }: { feature: keyof typeof copy }) {
  const page = copy[feature]!;
  return (
    <div className="page page-narrow">
      <h1 className="page-title">{page.title}</h1>
      <EmptyState icon={<Icon name={page.icon} size={56} strokeWidth={1.2} />} title={page.title}>
        <p>{page.body}</p>
      </EmptyState>
    </div>
  );
}
