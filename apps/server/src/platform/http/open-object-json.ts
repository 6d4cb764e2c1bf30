import type { TSchema } from '@sinclair/typebox';
import fastJson from 'fast-json-stringify';

/** The JSON content type a pre-rendered body is sent with. */
export const JSON_BODY = 'application/json; charset=utf-8';

/**
 * An object's JSON without its closing brace, for pages that keep each item's
 * unchanging fields rendered and add the few that change per request before closing
 * it: `${open},"likes":3}`. Rendered by fast-json-stringify from the schema, the
 * serializer Fastify uses for response schemas, so the fields and formats (dates as
 * ISO strings, unknown properties left out) are those of a schema'd reply.
 */
export function compileOpenObjectJson<T>(schema: TSchema): (value: T) => string {
  const stringify = fastJson(schema as unknown as Parameters<typeof fastJson>[0]);
  return (value) => {
    const json = stringify(value as Parameters<typeof stringify>[0]);
    if (json.length < 3 || json.at(-1) !== '}') throw new Error('compileOpenObjectJson: the schema must give an object with at least one field');
    return json.slice(0, -1);
  };
}
