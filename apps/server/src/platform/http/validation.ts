import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

/**
 * Two validators: bodies are strict (a string is never silently a number), while
 * path and query values, which are always text on the wire, are coerced.
 * Unknown body fields are dropped, so `role` or `followers_count` change nothing.
 */
export function createSchemaCompiler(): FastifySchemaCompiler<unknown> {
  const common = { removeAdditional: true, useDefaults: true, allErrors: false, strict: false } as const;
  const strict = addFormats.default(new Ajv.default({ ...common, coerceTypes: false }));
  const coercing = addFormats.default(new Ajv.default({ ...common, coerceTypes: true }));
  return ({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? strict : coercing;
    return ajv.compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
  };
}
