import type { PostPhoto } from '@pictor/contract';
import { useMemo, useState } from 'react';
import { thumbHashToDataURL } from 'thumbhash';

function placeholderUrl(hash: string): string | undefined {
  try {
    const bytes = Uint8Array.from(atob(hash), (c) => c.charCodeAt(0));
    return thumbHashToDataURL(bytes);
  } catch {
    return undefined;
  }
}

interface Props {
  photo: PostPhoto;
  /** The CSS width the image takes, so the browser picks the right rendition. */
  sizes: string;
  /** Eager for the first image on screen, lazy for the rest. */
  eager?: boolean;
  square?: boolean;
}

/**
 * Paints the dominant colour and the ThumbHash at once, then the real photo at the size
 * the screen needs (WebP with a JPEG fallback through <picture>).
 */
export function PostImage({ photo, sizes, eager = false, square = false }: Props) {
  const [loaded, setLoaded] = useState(false);
  const blur = useMemo(() => placeholderUrl(photo.placeholder), [photo.placeholder]);
  const pool = Object.values(photo.variants);
  const srcSet = (kind: 'webp' | 'jpeg') => pool.map((v) => `${v[kind]} ${v.width}w`).join(', ');
  const fallback = [...pool].sort((a, b) => b.width - a.width)[0];
  const style = {
    backgroundColor: photo.color,
    backgroundImage: blur && !loaded ? `url(${blur})` : undefined,
    aspectRatio: square ? '1 / 1' : `${photo.width} / ${photo.height}`,
  };
  return (
    <div className="photo" style={style}>
      <picture>
        <source type="image/webp" srcSet={srcSet('webp')} sizes={sizes} />
        <img
          src={fallback?.jpeg}
          srcSet={srcSet('jpeg')}
          sizes={sizes}
          alt={photo.alt || 'Photo'}
          width={photo.width}
          height={photo.height}
          loading={eager ? 'eager' : 'lazy'}
          fetchPriority={eager ? 'high' : 'auto'}
          decoding="async"
          className={loaded ? 'is-loaded' : undefined}
          onLoad={() => setLoaded(true)}
          draggable={false}
        />
      </picture>
    </div>
  );
}
