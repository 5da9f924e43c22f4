import {
  accountabilityPageSchema,
  accountabilityQuery,
  accountabilityRecordSchema,
  addEvidenceBody,
  createAccountabilityBody,
  decideBody,
  dismissBody,
  evidenceCandidatesQuery,
  evidenceCandidatesSchema,
  openAccountabilityBody,
  statementBody,
} from '../../shared/accountability-api.js';
import { requireActor } from '../auth/authenticate.js';
import { errorResponses, idParams } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { createRecord } from './accountability.service.js';
import { getRecord, listEvidenceCandidates, listRecords } from './accountability-queries.service.js';
import { type RecordStep, takeRecordStep } from './accountability-steps.service.js';

const tags = ['accountability'];
/** Supervisors only: an administrator may not even see a record (can.superviseAccountability). */
const supervisors = allow.roles('supervisor');
const answer = { 200: accountabilityRecordSchema, ...errorResponses };

/** Accountability records (问责): open, list, read (every read audited), answer, decide, dismiss, evidence. */
export function registerAccountabilityRoutes(app: ZodApp, deps: RouteDeps): void {
  const { db, config } = deps;
  const services = { db, config };
  /** One step of a record's flow, on the record in the path, at the version in the body. */
  const step = (
    request: { params: { id: number }; body: { version: number } } & Parameters<typeof requireActor>[0],
    recordStep: RecordStep,
  ) =>
    takeRecordStep(services, {
      recordId: request.params.id,
      version: request.body.version,
      actor: requireActor(request),
      step: recordStep,
    });

  app.post('/accountability', {
    config: { policy: supervisors },
    schema: {
      tags,
      summary: 'Open an accountability record by hand (proposed, or open at once with statementDue)',
      body: createAccountabilityBody,
      response: { 201: accountabilityRecordSchema, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createRecord(services, { ...request.body, actor: requireActor(request) })),
  });

  app.get('/accountability', {
    // Scoped in the query: supervisors and auditors all, the subject its own, leaders their charge.
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'Accountability records I may see, newest first (each one shown is audited as read)',
      querystring: accountabilityQuery,
      response: { 200: accountabilityPageSchema, ...errorResponses },
    },
    handler: async (request) => listRecords(services, { ...request.query, actor: requireActor(request) }),
  });

  app.get('/accountability/evidence-candidates', {
    config: { policy: allow.roles('supervisor', 'admin') },
    schema: {
      tags,
      summary: "What on a task could be a record's evidence",
      querystring: evidenceCandidatesQuery,
      response: { 200: evidenceCandidatesSchema, ...errorResponses },
    },
    handler: async (request) => ({
      items: await listEvidenceCandidates(services, { taskId: request.query.taskId, actor: requireActor(request) }),
    }),
  });

  app.get('/accountability/:id', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'An accountability record (the read is audited; 404 when not mine to see)',
      params: idParams,
      response: answer,
    },
    handler: async (request) => getRecord(services, { recordId: request.params.id, actor: requireActor(request) }),
  });

  app.post('/accountability/:id/open', {
    config: { policy: supervisors },
    schema: {
      tags,
      summary: 'Open a proposed record: the subject is asked for a statement by a date',
      params: idParams,
      body: openAccountabilityBody,
      response: answer,
    },
    handler: async (request) => step(request, { action: 'open', statementDue: request.body.statementDue }),
  });

  app.post('/accountability/:id/statement', {
    // The subject may hold any role (a named person); the service checks it is the subject.
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: "The subject's statement (情况说明), once the record is open",
      params: idParams,
      body: statementBody,
      response: answer,
    },
    handler: async (request) => step(request, { action: 'statement', statement: request.body.statement }),
  });

  app.post('/accountability/:id/decide', {
    config: { policy: supervisors },
    schema: { tags, summary: 'Decide the record', params: idParams, body: decideBody, response: answer },
    handler: async (request) =>
      step(request, { action: 'decide', decision: request.body.decision, note: request.body.note }),
  });

  app.post('/accountability/:id/dismiss', {
    config: { policy: supervisors },
    schema: {
      tags,
      summary: 'Dismiss a proposed or open record (reason required)',
      params: idParams,
      body: dismissBody,
      response: answer,
    },
    handler: async (request) => step(request, { action: 'dismiss', reason: request.body.reason }),
  });

  app.post('/accountability/:id/evidence', {
    config: { policy: supervisors },
    schema: {
      tags,
      summary: 'Add evidence from the linked tasks',
      params: idParams,
      body: addEvidenceBody,
      response: answer,
    },
    handler: async (request) => step(request, { action: 'evidence', items: request.body.items }),
  });
}
