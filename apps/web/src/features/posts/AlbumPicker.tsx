import type { Album, Post } from '@pictor/contract';
import { useState } from 'react';
import { errorText } from '../../api/client';
import { ErrorNote } from '../../ui/ErrorNote';
import { LoadMore, TryAgain } from '../../ui/LoadMore';
import { Spinner } from '../../ui/States';
import { AlbumCover, AlbumTitle } from './AlbumCover';
import { AlbumNameForm } from './AlbumName';
import { useAlbumPost, useAlbums, useCreateAlbum } from './api';

/**
 * Puts the owner's post in one of their albums, or a new one. The API does not say which
 * albums already hold a post, so each row offers "Add" (adding twice is harmless) and,
 * once added here, "Remove" to take it back out.
 */
export function AlbumPicker({ post }: { post: Post }) {
  const albums = useAlbums(post.author.id);
  const change = useAlbumPost();
  const create = useCreateAlbum();
  const [added, setAdded] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState('');
  const [created, setCreated] = useState(0);

  function put(album: Album, add: boolean) {
    change.mutate(
      { albumId: album.id, postId: post.id, add },
      {
        onSuccess: () => {
          setAdded((set) => {
            const next = new Set(set);
            if (add) next.add(album.id);
            else next.delete(album.id);
            return next;
          });
          setStatus(add ? `Added to ${album.name}.` : `Removed from ${album.name}.`);
        },
      },
    );
  }
  function createAndAdd(name: string) {
    create.mutate(name, {
      onSuccess: (album) => {
        setCreated((n) => n + 1);
        put(album, true);
      },
    });
  }

  const list = albums.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="album-picker">
      {albums.isPending ? (
        <Spinner />
      ) : albums.isLoadingError ? (
        <TryAgain error={albums.error} retry={albums.refetch} />
      ) : list.length === 0 ? (
        <p className="muted">You have no albums yet. Name one to start it with this post.</p>
      ) : (
        <ul className="album-choices" aria-label="Your albums">
          {list.map((album) => {
            const inIt = added.has(album.id);
            return (
              <li key={album.id}>
                <AlbumCover album={album} className="album-thumb" />
                <span className="album-choice-name">
                  <AlbumTitle album={album} />
                </span>
                <button
                  type="button"
                  className={inIt ? 'btn btn-secondary btn-small' : 'btn btn-primary btn-small'}
                  disabled={change.isPending}
                  aria-label={inIt ? `Remove from ${album.name}` : `Add to ${album.name}`}
                  onClick={() => put(album, !inIt)}
                >
                  {inIt ? 'Remove' : 'Add'}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <LoadMore query={albums} ahead={0} />
      <p role="status" className="ok-note">
        {status}
      </p>
      {change.error ? <ErrorNote>{errorText(change.error)}</ErrorNote> : null}
      <AlbumNameForm key={created} label="New album" submitLabel="Create and add" busy={create.isPending || change.isPending} error={create.error} onSubmit={createAndAdd} />
    </div>
  );
}
