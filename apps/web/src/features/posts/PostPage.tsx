import { useParams } from 'react-router';
import { PageError, Spinner } from '../../ui/States';
import { Engagement } from '../interactions/Engagement';
import { usePost } from './api';

export default function PostPage() {
  const { postId = '' } = useParams();
  const post = usePost(postId);
  if (post.isPending) return <Spinner />;
  if (post.isError) return <PageError error={post.error} retry={() => post.refetch()} />;
  return (
    <div className="page page-post">
      <Engagement post={post.data} eager expanded />
    </div>
  );
}
