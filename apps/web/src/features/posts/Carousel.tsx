import type { PostPhoto } from '@pictor/contract';
import { type KeyboardEvent, type PointerEvent, useRef, useState } from 'react';
import { Icon } from '../../ui/Icon';
import { PostImage } from './PostImage';

interface Props {
  photos: PostPhoto[];
  eager?: boolean;
  onDoubleTap?: () => void;
}

/** Photos side by side: swipe on touch, arrows on screen, ←/→ on the keyboard. */
export function Carousel({ photos, eager, onDoubleTap }: Props) {
  const [index, setIndex] = useState(0);
  const start = useRef<{ x: number; t: number } | null>(null);
  const lastTap = useRef(0);
  const count = photos.length;
  const go = (next: number) => setIndex(Math.max(0, Math.min(count - 1, next)));

  function onKey(event: KeyboardEvent) {
    if (event.key === 'ArrowRight') go(index + 1);
    else if (event.key === 'ArrowLeft') go(index - 1);
    else return;
    event.preventDefault();
  }
  function onPointerDown(event: PointerEvent) {
    start.current = { x: event.clientX, t: Date.now() };
  }
  function onPointerUp(event: PointerEvent) {
    const from = start.current;
    start.current = null;
    if (!from) return;
    const dx = event.clientX - from.x;
    if (Math.abs(dx) > 40) return go(index + (dx < 0 ? 1 : -1));
    const now = Date.now();
    if (now - lastTap.current < 320) {
      lastTap.current = 0;
      onDoubleTap?.();
    } else lastTap.current = now;
  }

  return (
    <section
      className="carousel"
      aria-roledescription="carousel"
      aria-label={count > 1 ? `Photos, ${index + 1} of ${count}` : 'Photo'}
      tabIndex={count > 1 ? 0 : undefined}
      onKeyDown={onKey}
    >
      <div className="carousel-track" style={{ transform: `translateX(-${index * 100}%)` }} onPointerDown={onPointerDown} onPointerUp={onPointerUp}>
        {photos.map((photo, i) => (
          <div className="carousel-slide" key={photo.index} aria-hidden={i !== index}>
            <PostImage photo={photo} sizes="(min-width: 640px) 470px, 100vw" eager={eager && i === 0} />
          </div>
        ))}
      </div>
      {count > 1 ? (
        <>
          {index > 0 ? (
            <button type="button" className="carousel-arrow left" aria-label="Previous photo" onClick={() => go(index - 1)}>
              <Icon name="left" size={18} strokeWidth={2.5} />
            </button>
          ) : null}
          {index < count - 1 ? (
            <button type="button" className="carousel-arrow right" aria-label="Next photo" onClick={() => go(index + 1)}>
              <Icon name="right" size={18} strokeWidth={2.5} />
            </button>
          ) : null}
          <div className="carousel-dots" aria-hidden="true">
            {photos.map((photo, i) => (
              <span key={photo.index} className={i === index ? 'on' : undefined} />
            ))}
          </div>
        </>
      ) : null}
    </section>
  );
}
