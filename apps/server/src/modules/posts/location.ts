import { cleanText, hasForbiddenCharacters } from '../../platform/text.js';
import { invalidField } from './posts.errors.js';
import type { GeoPoint } from './posts.types.js';

const MAX_PLACE_NAME = 200;

/** A place as clients send it, not yet checked: null coordinates count as none. */
export interface PlaceInput {
  name: string;
  lat?: number | null;
  lon?: number | null;
}

/**
 * Publishing's location field, parsed from JSON: {"name": …}, or {"lat": …, "lon": …, "name": …}.
 * Only an object can be a place; its values are `validateLocation`'s to check (an edit's body
 * arrives as an object already, and goes straight there).
 */
export function readPlace(value: unknown): PlaceInput {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalidField('location', 'an object with a name, and lat and lon when known');
  return value as PlaceInput;
}

/**
 * A place is a name (1 to 200 characters, one line, no invisible characters) and, when the
 * device shared them, coordinates: both or neither. Answers the cleaned place. Publishing and
 * editing both check a place here, so it is accepted, or refused, the same way wherever it is typed.
 */
export function validateLocation(place: PlaceInput): GeoPoint {
  const { name } = place;
  // null counts as absent: some clients send {"lat": null, "lon": null} for "no coordinates".
  const lat = place.lat ?? undefined;
  const lon = place.lon ?? undefined;
  if (typeof name !== 'string') throw invalidField('location.name', 'the place name, as text');
  if (hasForbiddenCharacters(name)) throw invalidField('location.name', 'contains invisible or control characters');
  const cleaned = cleanText(name);
  const length = [...cleaned].length;
  if (length < 1 || length > MAX_PLACE_NAME) throw invalidField('location.name', `a place name of 1 to ${MAX_PLACE_NAME} characters`);
  if (lat === undefined && lon === undefined) return { name: cleaned };
  if (lat === undefined || lon === undefined) throw invalidField(lat === undefined ? 'location.lat' : 'location.lon', 'send lat and lon together, or neither');
  if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90) throw invalidField('location.lat', 'a number from -90 to 90');
  if (typeof lon !== 'number' || !Number.isFinite(lon) || lon < -180 || lon > 180) throw invalidField('location.lon', 'a number from -180 to 180');
  return { lat, lon, name: cleaned };
}
