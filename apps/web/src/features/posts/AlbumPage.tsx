import type { Album, Post } from '@pictor/contract';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { errorText } from '../../api/client';
import { ErrorNote } from '../../ui/ErrorNote';
import { Icon } from '../../ui/Icon';
import { LoadMore } from '../../ui/LoadMore';
import { Sheet } from '../../ui/Sheet';
import { EmptyState, PageError, Spinner } from '../../ui/States';
import { useMe } from '../auth/session';
import { AlbumNameForm } from './AlbumName';
import { useAlbum, useAlbumPost, useDeleteAlbum, useRenameAlbum } from './api';
import { PostGrid } from './PostGrid';

export default function AlbumPage() {
  const { albumId = '' } = useParams();
  const me = useMe().data;
  const album = useAlbum(albumId);
  if (album.isPending) return <Spinner />;
  if (album.isLoadingError) return <PageError error={album.error} retry={() => album.refetch()} />;
  const pages = album.data.pages;
  const info = pages[0]!.album;
  const posts = pages.flatMap((page) => page.posts.items);
  const mine = me?.id === info.owner.id;
  // The owner's name from the album, not the URL: /anyone/albums/{id} opens the same album.
  const owner = info.owner.username;
  return (
    <div className="page">
      <div className="album-head">
        <h1 className="page-title">
          <Link to={`/${owner}`}>{owner}</Link> · {info.name}
        </h1>
        {mine ? <AlbumOwnerTools album={info} /> : null}
      </div>
      {posts.length === 0 ? (
        <EmptyState title="This album is empty">{mine ? <p>Add posts from the ⋯ menu on any of your posts.</p> : null}</EmptyState>
      ) : mine ? (
        <OwnerGrid albumId={info.id} posts={posts} />
      ) : (
        <PostGrid posts={posts} />
      )}
      <LoadMore query={album} />
    </div>
  );
}

/** The owner's grid: each post can be taken out of the album (the post itself stays). */
function OwnerGrid({ albumId, posts }: { albumId: string; posts: Post[] }) {
  const change = useAlbumPost();
  return (
    <>
      <PostGrid
        posts={posts}
        action={(post, index) => (
          <button
            type="button"
            className="tile-remove"
            aria-label={`Remove post ${index + 1} from album`}
            disabled={change.isPending}
            onClick={() => change.mutate({ albumId, postId: post.id, add: false })}
          >
            <Icon name="close" size={16} strokeWidth={2.5} />
          </button>
        )}
      />
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
