import { z } from 'zod';
import { parseChainHead } from '../../domain/audit-chain.js';
import { AUDIT_PAGE_MAX } from '../../shared/audit-api.js';

export { auditPageSchema, auditVerificationSchema } from '../../shared/audit-api.js';

/** An instant with its offset (`2026-11-27T00:00:00+08:00` or `…Z`), normalised to the stored UTC form. */
const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());
const id = z.coerce.number().int().positive().max(2147483647);

/** GET /audit filters (query string); all optional, combined with AND. */
export const listAuditQuery = z.strictObject({
  actorId: id.optional(),
  objectType: z.string().min(1).max(50).optional(),
  objectId: z.string().min(1).max(100).optional(),
  /** An action (`unit.update`) or a prefix of one (`unit.`). */
  action: z.string().min(1).max(100).optional(),
  /** Entries at or after this instant. */
  from: instant.optional(),
  /** Entries before this instant. */
  to: instant.optional(),
  /** `nextCursor` from the previous page. */
  cursor: id.optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
});

/** GET /audit/verify: optionally the head kept outside the database, as `<seq>:<hash>`. */
export const verifyAuditQuery = z.strictObject({
  expectHead: z
    .string()
    .max(100)
    .refine((value) => parseChainHead(value) !== undefined, { message: 'expected <seq>:<64 hex digits>' })
    .transform((value) => parseChainHead(value))
    .optional(),
});
