import { useState } from 'react';
import { Field } from '../../ui/Field';

export type Place = { lat: number; lon: number; name: string };

/** A place name, pinned to coordinates from the device when the person allows it. */
export function LocationInput({ value, onChange }: { value: Place | null; onChange: (place: Place | null) => void }) {
  const [name, setName] = useState(value?.name ?? '');
  const [coords, setCoords] = useState<{ lat: number; lon: number } | null>(value);
  const [note, setNote] = useState('');
  const update = (nextName: string, nextCoords = coords) => {
    setName(nextName);
    onChange(nextCoords && nextName.trim() ? { ...nextCoords, name: nextName.trim() } : null);
  };
  function locate() {
    if (!navigator.geolocation) return setNote('This browser cannot share a location.');
    setNote('Finding you…');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const next = { lat: position.coords.latitude, lon: position.coords.longitude };
        setCoords(next);
        setNote('Location pinned.');
        update(name || 'My location', next);
      },
      () => setNote('Location was not shared.'),
    );
  }
  return (
    <div className="location">
      <Field label="Location" value={name} onChange={(text) => update(text)} maxLength={200} hint={coords ? undefined : 'Pin your position to add a location.'} />
      <button type="button" className="btn btn-secondary btn-small" onClick={locate}>
        Use my location
      </button>
      {note ? <small role="status" className="muted">{note}</small> : null}
    </div>
  );
}
