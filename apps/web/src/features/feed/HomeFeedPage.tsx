import { EmptyState } from '../../ui/States';

export default function HomeFeedPage() {
  return (
    <div className="page page-feed">
      <EmptyState title="Welcome to Pictor">
        <p>Photos from the people you follow will appear here.</p>
      </EmptyState>
    </div>
  );
}
