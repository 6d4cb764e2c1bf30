import type { Album } from '@pictor/contract';

/** An album's cover photo over its dominant colour; a plain swatch while the album is empty. */
export function AlbumCover({ album, className }: { album: Album; className: string }) {
  return (
    <span className={className} style={{ background: album.cover?.color ?? 'var(--line)' }}>
      {album.cover ? <img src={album.cover.variants.thumb?.webp} alt="" loading="lazy" /> : null}
    </span>
  );
}

/** The album's name and how many posts it holds, as the profile's album cards and the picker show them. */
export function AlbumTitle({ album }: { album: Album }) {
  return (
    <>
      <strong>{album.name}</strong>
      <span className="muted">
        {album.postCount.toLocaleString()} {album.postCount === 1 ? 'post' : 'posts'}
      </span>
    </>
  );
}
