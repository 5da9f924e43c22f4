import { type APIRequestContext, expect, type PlaywrightWorkerArgs } from '@playwright/test';
import type { TaskDetail } from '../src/shared/task-api.js';
import { E2E_BASE_URL } from './e2e-env.mjs';
import { adminApi, apiHeaders, uniqueSuffix } from './support.js';

// Data for the plans and closure specs, made through the API as the people concerned: an
// organisation (lead unit with staff and head, a cooperating unit, the supervision office), tasks
// in the states the screens need, plans, closure applications and evidence files.

export const password = 'review-pass-123';

/** A minimal PDF: the server checks the bytes, not only the name. */
export const PDF_BYTES = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** An API client signed in as one person. */
export interface Client {
  call<T = unknown>(method: 'get' | 'post' | 'put', url: string, data?: unknown): Promise<T>;
  upload(taskId: number, name: string, buffer: Buffer, mimeType: string): Promise<{ id: number }>;
  dispose(): Promise<void>;
}

export async function signedInClient(
  playwright: PlaywrightWorkerArgs['playwright'],
  username: string,
): Promise<Client> {
  const request: APIRequestContext = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
  const call = async <T>(method: 'get' | 'post' | 'put', url: string, data?: unknown) => {
    const response = await request[method](`/api/v1${url}`, { data, headers: apiHeaders });
    expect(response.ok(), `${method.toUpperCase()} ${url}: ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  };
  await call('post', '/auth/login', { username, password });
  return {
    call,
    async upload(taskId, name, buffer, mimeType) {
      const response = await request.post(`/api/v1/tasks/${taskId}/files`, {
        multipart: { file: { name, mimeType, buffer } },
        headers: apiHeaders,
      });
      expect(response.status(), await response.text()).toBe(201);
      return (await response.json()) as { id: number };
    },
    dispose: () => request.dispose(),
  };
}

export interface Person {
  username: string;
  displayName: string;
}

export interface Org {
  suffix: string;
  leadUnit: { id: number; name: string };
  coopUnit: { id: number; name: string };
  people: { supervisor: Person; staff: Person; head: Person; coopStaff: Person };
}

/** A city with a supervision office, a lead unit (staff, head) and a cooperating unit (staff). */
export async function seedOrg(request: APIRequestContext, names: { lead: string; coop: string }): Promise<Org> {
  const s = uniqueSuffix();
  const api = await adminApi(request);
  const city = await api.createUnit({ name: `江川市人民政府${s}` });
  const office = await api.createUnit({ name: `市政府督查室${s}`, parentId: city.id });
  const leadUnit = await api.createUnit({ name: `${names.lead}${s}`, parentId: city.id });
  const coopUnit = await api.createUnit({ name: `${names.coop}${s}`, parentId: city.id });
  const people = {
    supervisor: { username: `dc${s}`, displayName: `周敏${s}` },
    staff: { username: `jb${s}`, displayName: `孙丽${s}` },
    head: { username: `fz${s}`, displayName: `李强${s}` },
    coopStaff: { username: `ph${s}`, displayName: `陈静${s}` },
  };
  await api.createUser({ ...people.supervisor, password, unitId: office.id, roles: ['supervisor'] });
  await api.createUser({ ...people.staff, password, unitId: leadUnit.id, roles: ['unit_staff'] });
  await api.createUser({ ...people.head, password, unitId: leadUnit.id, roles: ['unit_head'] });
  await api.createUser({ ...people.coopStaff, password, unitId: coopUnit.id, roles: ['unit_staff'] });
  return { suffix: s, leadUnit, coopUnit, people };
}

export const year = new Date().getFullYear() + 1;
export const deadline = `${year}-12-31`;

/** A key task led by the lead unit with the cooperating unit, assigned and acknowledged (in progress). */
export async function openKeyTask(sup: Client, staff: Client, org: Org, title: string): Promise<TaskDetail> {
  const created = await sup.call<TaskDetail>('post', '/tasks', {
    title,
    isKey: true,
    leadUnitId: org.leadUnit.id,
    cooperatingUnits: [{ unitId: org.coopUnit.id, part: '保障项目用地' }],
    deadline,
  });
  await sup.call('post', `/tasks/${created.id}/assign`, { version: created.version });
  const assigned = await staff.call<TaskDetail>('get', `/tasks/${created.id}`);
  return staff.call<TaskDetail>('post', `/tasks/${created.id}/acknowledge`, { version: assigned.version });
}

/** A plan with every kind of item, as a lead unit would send it. */
export function fullPlan(org: Org) {
  return {
    targets: [
      { name: '新开工保障性住房', measureUnit: '套', baseline: 0, targetValue: 1200, dueDate: deadline },
      { name: '棚户区改造', measureUnit: '户', baseline: 150, targetValue: 800 },
      { name: '老旧小区改造覆盖率', measureUnit: '%', baseline: 35, targetValue: 80, dueDate: `${year}-10-31` },
    ],
    steps: [
      {
        text: '摸清住房需求底数，建立项目清单',
        ownerUnitId: org.leadUnit.id,
        startDate: `${year}-01-05`,
        endDate: `${year}-03-31`,
      },
      { text: '落实项目建设用地，完成供地手续', ownerUnitId: org.coopUnit.id, endDate: `${year}-06-30` },
      {
        text: '按月调度项目进度，协调解决难点问题',
        ownerUnitId: org.leadUnit.id,
        startDate: `${year}-04-01`,
        endDate: deadline,
      },
    ],
    milestones: [
      { date: `${year}-03-31`, deliverable: '住房需求调查报告', evidenceRequired: true },
      { date: `${year}-06-30`, deliverable: '全部项目完成供地', evidenceRequired: true },
      { date: `${year}-09-30`, deliverable: '全部项目开工' },
      { date: `${year}-12-20`, deliverable: '年度目标全部完成，组织验收', evidenceRequired: true },
    ],
    expectedProgress: [
      { quarter: `${year}-Q1`, percent: 15 },
      { quarter: `${year}-Q2`, percent: 40 },
      { quarter: `${year}-Q3`, percent: 70 },
      { quarter: `${year}-Q4`, percent: 100 },
    ],
  };
}

export interface PlanAnswer {
  plan: {
    version: number;
    content: {
      targets: Array<{ id: string; name: string }>;
      expectedProgress: Array<{ quarter: string; percent: number }>;
    };
  } | null;
}

/** Drafts, submits and has the plan accepted (staff → head → supervisor); answers the accepted plan. */
export async function acceptedPlan(
  clients: { staff: Client; head: Client; sup: Client },
  taskId: number,
  body: object,
  beforeSubmit?: () => Promise<unknown>,
) {
  const approved = await approvedPlan(clients, taskId, body, beforeSubmit);
  return planAction(clients.sup, taskId, 'accept', approved.plan?.version ?? 0);
}

/** Drafts and submits the plan, and has the unit head approve it: it waits for the supervisor. */
export async function approvedPlan(
  clients: { staff: Client; head: Client },
  taskId: number,
  body: object,
  beforeSubmit?: () => Promise<unknown>,
) {
  const drafted = await clients.staff.call<PlanAnswer>('put', `/tasks/${taskId}/plan`, { version: 0, ...body });
  await beforeSubmit?.();
  const submitted = await planAction(clients.staff, taskId, 'submit', drafted.plan?.version ?? 0);
  return planAction(clients.head, taskId, 'approve', submitted.plan?.version ?? 0);
}

function planAction(who: Client, taskId: number, action: string, version: number) {
  return who.call<PlanAnswer>('post', `/tasks/${taskId}/plan/actions`, { action, version });
}

/** A 1×1 PNG, for an image among the evidence. */
export const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
