import type { Post } from '@pictor/contract';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Icon } from '../../ui/Icon';
import { PostImage } from './PostImage';

/**
 * Square tiles of each post's first photo, linking to the post. `action` puts a control on a
 * tile (the album owner's "remove from album"), beside the link rather than inside it.
 */
export function PostGrid({ posts, action }: { posts: Post[]; action?: (post: Post, index: number) => ReactNode }) {
  return (
    <ul className="grid">
      {posts.map((post, index) => {
        const cover = post.photos[0];
        if (!cover) return null;
        return (
          <li key={post.id}>
            <Link to={`/p/${post.id}`} className="grid-item" aria-label={post.caption ? `Post: ${post.caption.slice(0, 80)}` : `Post ${index + 1}`}>
              <PostImage photo={cover} sizes="(min-width: 936px) 300px, 33vw" square eager={index < 6} />
              {post.photos.length > 1 ? (
                <span className="grid-badge" aria-hidden="true">
                  <Icon name="grid" size={18} />
                </span>
              ) : null}
            </Link>
            {action?.(post, index)}
          </li>
        );
      })}
    </ul>
  );
}
