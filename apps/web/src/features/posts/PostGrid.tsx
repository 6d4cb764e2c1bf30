import type { Post } from '@pictor/contract';
import { Link } from 'react-router';
import { Icon } from '../../ui/Icon';
import { PostImage } from './PostImage';

/** One square tile: the first photo, linking to the post. */
function Tile({ post, index }: { post: Post; index: number }) {
  const cover = post.photos[0];
  if (!cover) return null;
  return (
    <Link to={`/p/${post.id}`} className="grid-item" aria-label={post.caption ? `Post: ${post.caption.slice(0, 80)}` : `Post ${index + 1}`}>
      <PostImage photo={cover} sizes="(min-width: 936px) 300px, 33vw" square eager={index < 6} />
      {post.photos.length > 1 ? (
        <span className="grid-badge" aria-hidden="true">
          <Icon name="grid" size={18} />
        </span>
      ) : null}
    </Link>
  );
}

export function PostGrid({ posts }: { posts: Post[] }) {
  return (
    <ul className="grid">
      {posts.map((post, index) => (
        <li key={post.id}>
          <Tile post={post} index={index} />
        </li>
      ))}
    </ul>
  );
}

PostGrid.Tile = Tile;
