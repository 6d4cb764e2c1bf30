import type { GeoPoint } from '@pictor/contract';
import { useState } from 'react';
import { Field } from '../../ui/Field';

/** Where a post was made: a typed place name, with the device's position only when the person adds it. */
export type Place = GeoPoint;

type Coords = { lat: number; lon: number };

const coordsOf = (place: Place | null): Coords | null =>
  place?.lat !== undefined && place.lon !== undefined ? { lat: place.lat, lon: place.lon } : null;

export function LocationInput({ value, onChange }: { value: Place | null; onChange: (place: Place | null) => void }) {
  const [name, setName] = useState(value?.name ?? '');
  const [coords, setCoords] = useState<Coords | null>(coordsOf(value));
  const [note, setNote] = useState('');
  const update = (nextName: string, nextCoords = coords) => {
    setName(nextName);
    const trimmed = nextName.trim();
    // A place is a name first: an emptied field removes it, position and all, so the pin goes too
    // rather than still saying "Pinned" over a place that will not be saved.
    const kept = trimmed ? nextCoords : null;
    setCoords(kept);
    onChange(trimmed ? { name: trimmed, ...(kept ?? {}) } : null);
  };
  function locate() {
    if (!navigator.geolocation) return setNote('This browser cannot share a location.');
    setNote('Finding you…');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setNote('');
        update(name.trim() || 'My location', { lat: position.coords.latitude, lon: position.coords.longitude });
      },
      () => setNote('Your position was not shared; the place name is enough.'),
    );
  }
  const unpin = () => update(name, null);
  return (
    <div className="location">
      <Field label="Location" value={name} onChange={(text) => update(text)} maxLength={200} hint="Type a place, such as a café or a city. Adding your position is optional." />
      {coords ? (
        <p className="location-pin">
          <span>Pinned to your position.</span>
          <button type="button" className="btn btn-link btn-small" onClick={unpin}>
            Remove position
          </button>
        </p>
      ) : (
        <button type="button" className="btn btn-secondary btn-small" onClick={locate}>
          Add my position
        </button>
      )}
      {note ? <small role="status" className="muted">{note}</small> : null}
    </div>
  );
}
