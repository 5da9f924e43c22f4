import { requireActor } from '../auth/authenticate.js';
import { errorResponses } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { presentAuditEntry } from './audit.presenter.js';
import { auditPageSchema, auditVerificationSchema, listAuditQuery, verifyAuditQuery } from './audit.schema.js';
import { listAuditEntries, verifyAuditChain } from './audit.service.js';

const tags = ['audit'];

/** The audit trail: read and verified by auditors and administrators; nobody can change it. */
export function registerAuditRoutes(app: ZodApp, { db }: RouteDeps): void {
  app.get('/audit', {
    config: { policy: allow.roles('admin', 'auditor') },
    schema: {
      tags,
      summary: 'List audit entries, newest first (keyset pages by id)',
      querystring: listAuditQuery,
      response: { 200: auditPageSchema, ...errorResponses },
    },
    handler: async (request) => {
      const page = await listAuditEntries(db, { ...request.query, actor: requireActor(request) });
      return {
        items: page.items.map(presentAuditEntry),
        nextCursor: page.nextCursor === null ? null : String(page.nextCursor),
      };
    },
  });

  app.get('/audit/verify', {
    config: { policy: allow.roles('admin', 'auditor') },
    schema: {
      tags,
      summary: 'Walk the audit hash chain and report the first entry altered, deleted, inserted or moved',
      querystring: verifyAuditQuery,
      response: { 200: auditVerificationSchema, ...errorResponses },
    },
    handler: async (request) =>
      verifyAuditChain(db, { actor: requireActor(request), expectedHead: request.query.expectHead }),
  });
}
