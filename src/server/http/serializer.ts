import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { type ZodType, z } from 'zod';

// How answers become JSON. Every route declares its response schema (for the OpenAPI document and
// the web's types) and every presenter builds exactly that shape, so in production an answer is
// written with JSON.stringify alone: re-encoding a page of 50 tasks through zod cost ~0.25 ms of
// CPU a request (a tenth of a list request at 1M tasks). Tests and development run the checking
// serializer instead, which is stricter than zod's own: besides type errors it refuses an answer
// with fields the schema does not name, which zod would drop silently — so a presenter can never
// rely on the schema to hide a field, and the fast path sends exactly what the checked path would.

type Schema = ZodType | { properties: ZodType };

function resolve(schema: Schema): ZodType {
  return schema instanceof z.ZodType ? schema : schema.properties;
}

/** JSON.stringify, nothing else (production). */
export const fastSerializerCompiler: FastifySerializerCompiler<Schema> = () => (data) => JSON.stringify(data);

/** Encodes with the schema and refuses an answer that differs from its encoding (tests, development). */
export const checkingSerializerCompiler: FastifySerializerCompiler<Schema> = ({ schema, method, url }) => {
  const zodSchema = resolve(schema);
  return (data) => {
    const result = z.safeEncode(zodSchema, data);
    if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
    const plain = JSON.parse(JSON.stringify(data)) as unknown;
    const encoded = JSON.parse(JSON.stringify(result.data)) as unknown;
    const difference = firstDifference(plain, encoded, '');
    if (difference !== undefined) {
      throw new Error(`${method} ${url}: the answer differs from its response schema at "${difference}"`);
    }
    return JSON.stringify(result.data);
  };
};

/** The first path at which two JSON values differ (key order ignored), or undefined. */
export function firstDifference(a: unknown, b: unknown, at: string): string | undefined {
  if (a === b) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return at || '(root)';
  if (Array.isArray(a) !== Array.isArray(b)) return at || '(root)';
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) {
    if (!(key in left) || !(key in right)) return `${at}.${key}`;
    const inner = firstDifference(left[key], right[key], `${at}.${key}`);
    if (inner !== undefined) return inner;
  }
  return undefined;
}
