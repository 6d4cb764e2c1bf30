import { Icon } from '../../ui/Icon';
import type { Draft } from './api';
import { cssFilter } from './filters';

interface Props {
  photos: Draft[];
  selected: number;
  onSelect: (index: number) => void;
  onMove: (index: number, by: -1 | 1) => void;
  onRemove: (index: number) => void;
}

/** The chosen photos in posting order: pick one to edit, move it left or right, remove it. */
export function PhotoStrip({ photos, selected, onSelect, onMove, onRemove }: Props) {
  return (
    <ol className="strip" aria-label="Photos in order">
      {photos.map((photo, i) => (
        <li key={photo.id} className={i === selected ? 'on' : undefined}>
          <button type="button" className="strip-thumb" aria-label={`Edit photo ${i + 1}`} aria-pressed={i === selected} onClick={() => onSelect(i)}>
            <img src={photo.url} alt="" style={{ filter: cssFilter(photo.filter) }} />
          </button>
          <div className="strip-tools">
            <button type="button" className="mini" aria-label={`Move photo ${i + 1} earlier`} disabled={i === 0} onClick={() => onMove(i, -1)}>
              <Icon name="left" size={14} strokeWidth={2.5} />
            </button>
            <button type="button" className="mini" aria-label={`Remove photo ${i + 1}`} onClick={() => onRemove(i)}>
              <Icon name="close" size={14} strokeWidth={2.5} />
            </button>
            <button type="button" className="mini" aria-label={`Move photo ${i + 1} later`} disabled={i === photos.length - 1} onClick={() => onMove(i, 1)}>
              <Icon name="right" size={14} strokeWidth={2.5} />
            </button>
          </div>
        </li>
      ))}
    </ol>
  );
}
