import { z } from 'zod';
import { ERROR_CODES } from '../../shared/problem.js';

/** `:id` path parameters: positive integers. */
export const idParams = z.strictObject({ id: z.coerce.number().int().positive().max(2147483647) });

/** The optimistic-lock version every update must send back. */
export const versionField = z.number().int().positive();

/** The problem+json body every error answer has (RFC 9457 plus our stable `code`). */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(ERROR_CODES),
    detail: z.string(),
    field: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), code: z.string(), detail: z.string() })).optional(),
    requestId: z.string().optional(),
    allowed: z.array(z.string()).optional(),
    current: z.unknown().optional(),
  })
  .describe('Problem details (application/problem+json)');

/** Error answers documented on every route. */
export const errorResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  413: problemSchema,
  422: problemSchema,
  429: problemSchema,
} as const;

/** A trimmed, non-blank string with a maximum length. */
export function text(max: number) {
  return z
    .string()
    .max(max)
    .refine((value) => value.trim().length > 0, { message: 'required' });
}

/** `true`/`false` in a query string. */
export const queryBoolean = z.enum(['true', 'false']).transform((value) => value === 'true');
