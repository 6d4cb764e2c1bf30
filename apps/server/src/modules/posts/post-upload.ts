import type { FastifyRequest } from 'fastify';
import { type PlaceInput, readPlace } from './location.js';
import { invalidField } from './posts.errors.js';
import type { PublishInput } from './publish.service.js';

/** What the form carries: the publishing input less what the route adds (owner, idempotency key). */
export type PostUpload = Omit<PublishInput, 'ownerId' | 'idempotencyKey'>;

const FILE_FIELDS = new Set(['images', 'images[]', 'image', 'file']);

/**
 * Reads a `multipart/form-data` post (seed 001): files under "images", and text
 * fields caption, crop, location (JSON), and repeated alt, filter and tags.
 * The multipart limits (file size, file count) answer 413 on their own.
 */
export async function readPostUpload(request: FastifyRequest): Promise<PostUpload> {
  const images: Buffer[] = [];
  const fields = new Map<string, string[]>();
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (!FILE_FIELDS.has(part.fieldname)) throw invalidField(part.fieldname, 'send pictures in fields named "images"');
      images.push(await part.toBuffer());
      continue;
    }
    const name = part.fieldname.replace(/\[\d*\]$/, '');
    // A part sent as application/json arrives already parsed: back to its text, which is read as any other field.
    const value = typeof part.value === 'string' ? part.value : JSON.stringify(part.value);
    fields.set(name, [...(fields.get(name) ?? []), value]);
  }
  const one = (name: string) => fields.get(name)?.[0];
  return {
    images,
    caption: one('caption') ?? '',
    crop: one('crop') || undefined,
    filters: listField(fields.get('filter') ?? fields.get('filters') ?? []),
    alts: listField(fields.get('alt') ?? fields.get('alts') ?? []),
    location: parseLocation(one('location')),
    tags: listField(fields.get('tags') ?? []).flatMap((t) => t.split(/[\s,]+/)).filter(Boolean),
  };
}

/** A repeated field, or one field holding a JSON array of strings. */
function listField(values: string[]): string[] {
  if (values.length === 1 && values[0]!.trim().startsWith('[')) {
    try {
      const parsed = JSON.parse(values[0]!);
      if (Array.isArray(parsed) && parsed.every((v) => typeof v === 'string')) return parsed;
    } catch {
      // not JSON: the value is taken as it is
    }
  }
  return values;
}

/**
 * The location field: JSON with a place name and, optionally, coordinates —
 * {"name": "Ocean Beach"} or {"lat": 37.77, "lon": -122.42, "name": "Ocean Beach"}.
 * The JSON is read here and its shape by readPlace; publishing checks the values (validateLocation),
 * as an edit of the place does.
 */
function parseLocation(raw: string | undefined): PlaceInput | null {
  if (raw === undefined || raw.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw invalidField('location', 'send JSON like {"name": "Ocean Beach"}, with "lat" and "lon" when known');
  }
  return readPlace(value);
}
