import { useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { EmptyState, ErrorState, Spinner } from '../../ui/States';
import { Engagement } from '../interactions/Engagement';
import { usePost } from './api';

export default function PostPage() {
  const { postId = '' } = useParams();
  const post = usePost(postId);
  if (post.isPending) return <Spinner />;
  if (post.error instanceof ApiError && [403, 404].includes(post.error.status)) {
    return (
      <EmptyState title="Sorry, this page isn't available.">
        <p>{post.error.message}</p>
      </EmptyState>
    );
  }
  if (post.isError) return <ErrorState error={post.error} retry={() => post.refetch()} />;
  return (
    <div className="page page-post">
      <Engagement post={post.data} eager expanded />
    </div>
  );
}
