import type { Post } from '@pictor/contract';
import { PostCard } from '../posts/PostCard';
import { ShareButton } from './ShareButton';

/**
 * A post with what people can do to it. Likes, comments and saves plug in here once the
 * interactions API is published in the contract; sharing needs only the post's own URL.
 */
export function Engagement({ post, eager }: { post: Post; eager?: boolean; expanded?: boolean }) {
  const actions = (
    <div className="post-actions">
      <ShareButton post={post} />
    </div>
  );
  return <PostCard post={post} eager={eager} actions={actions} />;
}
