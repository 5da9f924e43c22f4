import { z } from 'zod';
import { auditEntrySchema } from './task-api.js';

// The audit trail API's answer shapes: the server validates and documents with these; the web
// takes its types from them (type-only imports).

/** What verification can find wrong with an entry (src/domain/audit-chain-walker.ts decides which). */
export const AUDIT_CHAIN_PROBLEMS = ['altered', 'missing', 'inserted', 'reordered'] as const;
export type AuditChainProblem = (typeof AUDIT_CHAIN_PROBLEMS)[number];

/** Most entries one page of GET /audit returns. */
export const AUDIT_PAGE_MAX = 200;

export const auditPageSchema = z
  .object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() })
  .describe('A page of audit entries, newest first');

const chainHeadSchema = z.object({ seq: z.number().int(), hash: z.string() });

export const auditVerificationSchema = z
  .discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), count: z.number().int(), head: chainHeadSchema }),
    z.object({
      ok: z.literal(false),
      /** Entries found intact before the first bad one. */
      count: z.number().int(),
      firstBad: z.object({
        seq: z.number().int(),
        /** Null when the entry is not there at all (entries cut off the end). */
        id: z.number().int().nullable(),
        problem: z.enum(AUDIT_CHAIN_PROBLEMS),
        /** What was found, in English (for logs and support). */
        detail: z.string(),
      }),
    }),
  ])
  .describe('The result of walking the audit hash chain');

export type AuditPage = z.infer<typeof auditPageSchema>;
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
export type AuditChainHead = z.infer<typeof chainHeadSchema>;
