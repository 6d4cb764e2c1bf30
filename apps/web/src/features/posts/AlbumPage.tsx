import type { Album, PostPage } from '@pictor/contract';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { EmptyState, ErrorState, Spinner } from '../../ui/States';
import { PostGrid } from './PostGrid';

export default function AlbumPage() {
  const { username = '', albumId = '' } = useParams();
  const album = useQuery({
    queryKey: ['posts', 'album', albumId],
    queryFn: () => api.get<{ album: Album; posts: PostPage }>(`/albums/${albumId}`, { limit: 60 }),
  });
  if (album.isPending) return <Spinner />;
  if (album.isError) return <ErrorState error={album.error} retry={() => album.refetch()} />;
  const { album: info, posts } = album.data;
  return (
    <div className="page">
      <h1 className="page-title">
        <Link to={`/${username}`}>{username}</Link> · {info.name}
      </h1>
      {posts.items.length ? <PostGrid posts={posts.items} /> : <EmptyState title="This album is empty" />}
    </div>
  );
}
