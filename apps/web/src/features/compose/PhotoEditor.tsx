import { Field } from '../../ui/Field';
import type { Draft } from './api';
import { CROPS, type Crop, cssFilter, FILTERS } from './filters';

interface Props {
  photo: Draft;
  index: number;
  crop: Crop;
  onChange: (patch: Partial<Draft>) => void;
}

/** One photo as it will look: the post's crop (centred, as the server cuts it) and its filter. */
export function PhotoEditor({ photo, index, crop, onChange }: Props) {
  const ratio = CROPS.find((c) => c.value === crop)?.ratio ?? '1 / 1';
  return (
    <div className="editor">
      <div className="editor-preview" style={{ aspectRatio: ratio }}>
        <img src={photo.url} alt={photo.alt || `Preview of photo ${index + 1}`} style={{ filter: cssFilter(photo.filter) }} />
      </div>
      <fieldset className="filters">
        <legend>Filter for photo {index + 1}</legend>
        <div className="filter-row">
          {FILTERS.map((filter) => (
            <label key={filter.name} className={photo.filter === filter.name ? 'filter on' : 'filter'}>
              <input type="radio" name={`filter-${photo.id}`} value={filter.name} checked={photo.filter === filter.name} onChange={() => onChange({ filter: filter.name })} className="visually-hidden" />
              <img src={photo.url} alt="" style={{ filter: filter.css }} />
              <span>{filter.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field label={`Alt text for photo ${index + 1}`} value={photo.alt} onChange={(alt) => onChange({ alt })} maxLength={1000} hint="Describe the photo for people who can't see it." />
    </div>
  );
}
