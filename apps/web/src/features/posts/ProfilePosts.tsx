import type { Profile } from '@pictor/contract';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Icon } from '../../ui/Icon';
import { LoadMore } from '../../ui/LoadMore';
import { Sheet } from '../../ui/Sheet';
import { EmptyState, ErrorState, Spinner } from '../../ui/States';
import { AlbumCover, AlbumTitle } from './AlbumCover';
import { AlbumNameForm } from './AlbumName';
import { useAlbums, useCreateAlbum, usePostPages } from './api';
import { PostGrid } from './PostGrid';

export function ProfilePosts({ profile }: { profile: Profile }) {
  const [tab, setTab] = useState<'posts' | 'albums'>('posts');
  const self = profile.relationship?.isSelf ?? false;
  return (
    <section aria-label="Posts">
      <nav className="tabs" aria-label="Profile sections">
        <button type="button" aria-pressed={tab === 'posts'} onClick={() => setTab('posts')}>
          <Icon name="grid" size={14} /> Posts
        </button>
        <button type="button" aria-pressed={tab === 'albums'} onClick={() => setTab('albums')}>
          <Icon name="photo" size={14} /> Albums
        </button>
        {self ? (
          <Link to="/accounts/saved" className="tab-link">
            <Icon name="bookmark" size={14} /> Saved
          </Link>
        ) : null}
      </nav>
      {tab === 'posts' ? <Grid profile={profile} self={self} /> : <Albums profile={profile} self={self} />}
    </section>
  );
}

function Grid({ profile, self }: { profile: Profile; self: boolean }) {
  const posts = usePostPages(['posts', 'user', profile.id], `/users/${profile.id}/posts`);
  if (posts.isPending) return <Spinner />;
  if (posts.isLoadingError) return <ErrorState error={posts.error} retry={() => posts.refetch()} />;
  const items = posts.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <EmptyState icon={<Icon name="photo" size={48} strokeWidth={1.2} />} title={self ? 'Share photos' : 'No posts yet'}>
        {self ? (
          <p>
            When you share photos, they will appear on your profile. <Link to="/create">Share your first photo</Link>
          </p>
        ) : null}
      </EmptyState>
    );
  }
  return (
    <>
      <PostGrid posts={items} />
      <LoadMore query={posts} />
    </>
  );
}

function NewAlbum({ username }: { username: string }) {
  const [open, setOpen] = useState(false);
  const create = useCreateAlbum();
  const navigate = useNavigate();
  return (
    <div className="album-tools">
      <button type="button" className="btn btn-secondary btn-small" onClick={() => setOpen(true)}>
        <Icon name="create" size={16} /> New album
      </button>
      <Sheet open={open} onClose={() => setOpen(false)} title="New album">
        <div className="sheet-pad">
          <AlbumNameForm
            label="Album name"
            submitLabel="Create"
            busy={create.isPending}
            error={create.error}
            onSubmit={(name) => create.mutate(name, { onSuccess: (album) => navigate(`/${username}/albums/${album.id}`) })}
          />
        </div>
      </Sheet>
    </div>
  );
}

function Albums({ profile, self }: { profile: Profile; self: boolean }) {
  const albums = useAlbums(profile.id);
  if (albums.isPending) return <Spinner />;
  if (albums.isLoadingError) return <ErrorState error={albums.error} retry={() => albums.refetch()} />;
  const items = albums.data.pages.flatMap((page) => page.items);
  const tools = self ? <NewAlbum username={profile.username} /> : null;
  if (items.length === 0) {
    return (
      <>
        {tools}
        <EmptyState title="No albums yet">{self ? <p>Group your posts into albums: create one, then add posts from their ⋯ menu.</p> : null}</EmptyState>
      </>
    );
  }
  return (
    <>
      {tools}
      <ul className="album-list">
        {items.map((album) => (
          <li key={album.id}>
            <Link to={`/${profile.username}/albums/${album.id}`} className="album-card">
              <AlbumCover album={album} className="album-cover" />
              <AlbumTitle album={album} />
            </Link>
          </li>
        ))}
      </ul>
      <LoadMore query={albums} />
    </>
  );
}
