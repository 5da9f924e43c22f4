import {
  adoptionBody,
  adoptionListSchema,
  adoptionParams,
  casePageSchema,
  caseParams,
  caseSchema,
  casesQuery,
  caseVersionBody,
  createCaseBody,
  spreadCaseBody,
  updateCaseBody,
} from '../../shared/cases-api.js';
import { requireActor } from '../auth/authenticate.js';
import { errorResponses } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { answerAdoption, listAdoptions, spreadCase } from './case-adoptions.service.js';
import { changeCaseStatus, createCase, getCase, listCases, updateCase } from './cases.service.js';

const tags = ['cases'];
const supervision = allow.roles('supervisor', 'admin');

/** The routes of the case library and adoption (issue 7). */
export function registerCaseRoutes(app: ZodApp, deps: RouteDeps): void {
  app.post('/cases', {
    config: { policy: supervision },
    schema: {
      tags,
      summary: 'Write a case (先进典型 / 反面典型); it starts as a draft',
      body: createCaseBody,
      response: { 201: caseSchema, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createCase(deps, { ...request.body, actor: requireActor(request) })),
  });

  app.get('/cases', {
    // Scoped in the query: drafts for supervision only, negative examples for those concerned.
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'The case library I may see, newest first',
      querystring: casesQuery,
      response: { 200: casePageSchema, ...errorResponses },
    },
    handler: async (request) => listCases(deps, { ...request.query, actor: requireActor(request) }),
  });

  app.get('/cases/:id', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'A case with its write-up and adoptions',
      params: caseParams,
      response: { 200: caseSchema, ...errorResponses },
    },
    handler: async (request) => getCase(deps, { caseId: request.params.id, actor: requireActor(request) }),
  });

  app.patch('/cases/:id', {
    config: { policy: supervision },
    schema: {
      tags,
      summary: 'Edit a draft or published case',
      params: caseParams,
      body: updateCaseBody,
      response: { 200: caseSchema, ...errorResponses },
    },
    handler: async (request) =>
      updateCase(deps, { ...request.body, caseId: request.params.id, actor: requireActor(request) }),
  });

  for (const action of ['publish', 'archive'] as const) {
    app.post(`/cases/:id/${action}`, {
      config: { policy: supervision },
      schema: {
        tags,
        summary: action === 'publish' ? 'Publish a draft case' : 'Archive a published case',
        params: caseParams,
        body: caseVersionBody,
        response: { 200: caseSchema, ...errorResponses },
      },
      handler: async (request) =>
        changeCaseStatus(deps, {
          caseId: request.params.id,
          action,
          version: request.body.version,
          actor: requireActor(request),
        }),
    });
  }

  app.post('/cases/:id/spread', {
    config: { policy: supervision },
    schema: {
      tags,
      summary: 'Mark an exemplary practice "to spread" and ask units to adopt it',
      description:
        'Asks the chosen units plus every active unit under subtreeUnitId (the case’s own unit excepted); their heads are notified. Units already asked keep their answers.',
      params: caseParams,
      body: spreadCaseBody,
      response: { 200: caseSchema, ...errorResponses },
    },
    handler: async (request) =>
      spreadCase(deps, { ...request.body, caseId: request.params.id, actor: requireActor(request) }),
  });

  app.get('/cases/:id/adoptions', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'Adoption of a practice: counts by answer and the list by unit',
      params: caseParams,
      response: { 200: adoptionListSchema, ...errorResponses },
    },
    handler: async (request) => listAdoptions(deps, { caseId: request.params.id, actor: requireActor(request) }),
  });

  app.put('/cases/:id/adoptions/:unitId', {
    // A unit answers for itself; the supervision office may answer for any unit (checked in the service).
    config: { policy: allow.roles('unit_head', 'unit_staff', 'supervisor', 'admin') },
    schema: {
      tags,
      summary: "Record a unit's adoption: planned, adopted or not applicable",
      params: adoptionParams,
      body: adoptionBody,
      response: { 200: caseSchema, ...errorResponses },
    },
    handler: async (request) =>
      answerAdoption(deps, {
        ...request.body,
        caseId: request.params.id,
        unitId: request.params.unitId,
        actor: requireActor(request),
      }),
  });
}
