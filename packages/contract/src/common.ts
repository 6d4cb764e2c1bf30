import { type Static, type TSchema, Type } from '@sinclair/typebox';

/** 64-bit ids travel as decimal strings: JSON numbers lose precision past 2^53. */
export const IdString = Type.String({ pattern: '^[0-9]{1,19}$', description: 'A 64-bit id as a decimal string.', examples: ['7318273649812345856'] });

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'Stable machine-readable reason; branch on this, not on the title.' }),
    detail: Type.Optional(Type.String()),
    fields: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
    retryAfterSeconds: Type.Optional(Type.Integer()),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details, served as application/problem+json.' },
);

export type Problem = Static<typeof Problem>;

/**
 * A `$ref` to a named schema that still has that schema's static type: for shapes that
 * would otherwise inline the same named part twice (OpenAPI allows each $id once inline).
 */
export const refTo = <T extends TSchema>(schema: T) => Type.Unsafe<Static<T>>(Type.Ref(schema.$id!));

export const CursorQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'Opaque; pass back the nextCursor of the previous page.' })),
});

export const page = <T extends TSchema>(item: T, name: string) =>
  Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()], { description: `Null on the last page of ${name}.` }),
  });

export const Ok = Type.Object({ ok: Type.Literal(true) });
