import type { Post } from '@pictor/contract';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Avatar } from '../../ui/Avatar';
import { Icon } from '../../ui/Icon';
import { Carousel } from './Carousel';
import { RichText, TimeAgo } from './Caption';
import { PostMenu } from './PostMenu';

interface Props {
  post: Post;
  eager?: boolean;
  /** Like, comment, save and share: supplied by the interactions feature. */
  actions?: ReactNode;
  onDoubleTap?: () => void;
  /** Bumped on each double-tap like, to replay the heart. */
  burst?: number;
  children?: ReactNode;
}

export function PostCard({ post, eager, actions, onDoubleTap, burst = 0, children }: Props) {
  const author = post.author;
  return (
    <article className="post" aria-label={`Post by ${author.username}`}>
      <header className="post-head">
        <Link to={`/${author.username}`} className="post-avatar" tabIndex={-1} aria-hidden="true">
          <Avatar avatar={author.avatar} username={author.username} size={32} />
        </Link>
        <span className="post-who">
          <Link to={`/${author.username}`} className="post-author">
            <strong>{author.username}</strong>
          </Link>
          {post.location ? (
            <span className="post-location">
              <Icon name="pin" size={12} strokeWidth={2} />
              <span className="visually-hidden">Location: </span>
              {post.location.name}
            </span>
          ) : null}
        </span>
        <span className="muted post-time">
          · <TimeAgo iso={post.createdAt} />
        </span>
        <PostMenu post={post} />
      </header>
      <div className="post-media">
        <Carousel photos={post.photos} eager={eager} onDoubleTap={onDoubleTap} />
        {burst ? (
          <span key={burst} className="burst" aria-hidden="true">
            <Icon name="heart" size={96} filled />
          </span>
        ) : null}
      </div>
      <div className="post-body">
        {actions}
        {post.caption ? (
          <p className="post-caption">
            <Link to={`/${author.username}`} className="strong">
              {author.username}
            </Link>{' '}
            <RichText text={post.caption} />
          </p>
        ) : null}
        {post.archived ? <p className="muted">Archived: only you can see this post.</p> : null}
        {children}
      </div>
    </article>
  );
}
