import type { Album, Post } from '@pictor/contract';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, errorText } from '../../api/client';
import { ErrorNote } from '../../ui/ErrorNote';
import { Icon } from '../../ui/Icon';
import { Sheet } from '../../ui/Sheet';
import { EmptyState, ErrorState, Spinner } from '../../ui/States';
import { useMe } from '../auth/session';
import { AlbumNameForm } from './AlbumName';
import { albumKey, useAlbumPost, useDeleteAlbum, useRenameAlbum } from './api';
import { PostGrid } from './PostGrid';

export default function AlbumPage() {
  const { username = '', albumId = '' } = useParams();
  const me = useMe().data;
  const album = useQuery({
    queryKey: albumKey(albumId),
    queryFn: () => api.get<{ album: Album; posts: { items: Post[]; nextCursor: string | null } }>(`/albums/${albumId}`, { limit: 60 }),
  });
  if (album.isPending) return <Spinner />;
  if (album.isError) return <ErrorState error={album.error} retry={() => album.refetch()} />;
  const { album: info, posts } = album.data;
  const mine = me?.id === info.owner.id;
  return (
    <div className="page">
      <div className="album-head">
        <h1 className="page-title">
          <Link to={`/${username}`}>{username}</Link> · {info.name}
        </h1>
        {mine ? <AlbumOwnerTools album={info} /> : null}
      </div>
      {posts.items.length === 0 ? (
        <EmptyState title="This album is empty">{mine ? <p>Add posts from the ⋯ menu on any of your posts.</p> : null}</EmptyState>
      ) : mine ? (
        <OwnerGrid albumId={info.id} posts={posts.items} />
      ) : (
        <PostGrid posts={posts.items} />
      )}
    </div>
  );
}

/** The owner's grid: each post can be taken out of the album (the post itself stays). */
function OwnerGrid({ albumId, posts }: { albumId: string; posts: Post[] }) {
  const change = useAlbumPost();
  return (
    <>
      <ul className="grid album-grid">
        {posts.map((post, index) => (
          <li key={post.id}>
            <PostGrid.Tile post={post} index={index} />
            <button
              type="button"
              className="tile-remove"
              aria-label={`Remove post ${index + 1} from album`}
              disabled={change.isPending}
              onClick={() => change.mutate({ albumId, postId: post.id, add: false })}
            >
              <Icon name="close" size={16} strokeWidth={2.5} />
            </button>
          </li>
        ))}
      </ul>
      {change.error ? <ErrorNote>{errorText(change.error)}</ErrorNote> : null}
    </>
  );
}

function AlbumOwnerTools({ album }: { album: Album }) {
  const [open, setOpen] = useState(false);
  const rename = useRenameAlbum(album.id);
  const remove = useDeleteAlbum(album.id);
  const navigate = useNavigate();
  function deleteAlbum() {
    if (window.confirm(`Delete the album "${album.name}"? Its posts stay on your profile.`)) {
      remove.mutate(undefined, { onSuccess: () => navigate(`/${album.owner.username}`) });
    }
  }
  return (
    <>
      <button type="button" className="btn btn-secondary btn-small" onClick={() => setOpen(true)}>
        Edit album
      </button>
      <Sheet open={open} onClose={() => setOpen(false)} title="Edit album">
        <div className="stack sheet-pad">
          <AlbumNameForm label="Album name" submitLabel="Rename" initial={album.name} busy={rename.isPending} error={rename.error} onSubmit={(name) => rename.mutate(name, { onSuccess: () => setOpen(false) })} />
          <button type="button" className="btn btn-danger" disabled={remove.isPending} onClick={deleteAlbum}>
            Delete album
          </button>
          {remove.error ? <ErrorNote>{errorText(remove.error)}</ErrorNote> : null}
        </div>
      </Sheet>
    </>
  );
}
