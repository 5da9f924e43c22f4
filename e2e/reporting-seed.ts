import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { type APIRequestContext, expect, type PlaywrightWorkerArgs, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { pdfDocument, rgbPng } from '../src/server/files/document-bytes.js';
import type { TaskFile } from '../src/shared/files-api.js';
import type { TaskDetail } from '../src/shared/task-api.js';
import type { TaskPlan } from '../src/web/api/plans.api.js';
import type { ReportDetail, TaskReports } from '../src/web/api/reports.api.js';
import { E2E_BASE_URL } from './e2e-env.mjs';
import { adminApi, apiHeaders } from './support.js';

// Set-up for the reporting browser tests: an organisation, a key task with an accepted plan and a
// monthly cycle whose past periods are open, and reports written through the API.
//
// Report periods open only once they have ended, counted from the day the task was assigned, and a
// task assigned through the API is assigned today. So, like the server's own reporting tests, the
// set-up moves the assignment date back in the server's SQLite file (the one thing no API does).
// The file is found from LUOSHI_E2E_DATA_DIR, else from the command line of the server process
// listening on the e2e port (`luoshi serve --port <port> --data <dir>`).

type Request = APIRequestContext;

/** Calls the API; fails with the answer's text unless it is 2xx. */
export async function call<T>(request: Request, method: 'get' | 'post' | 'put', url: string, data?: unknown) {
  const response = await request[method](`/api/v1${url}`, { data, headers: apiHeaders });
  expect(response.ok(), `${method.toUpperCase()} ${url}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** Where the e2e server keeps its data, or null when it cannot be found (not a local SQLite server). */
export function serverDataDir(): string | null {
  if (process.env.LUOSHI_E2E_DATA_DIR) return process.env.LUOSHI_E2E_DATA_DIR;
  const port = new URL(E2E_BASE_URL).port;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let args: string[];
    try {
      args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (!args.includes('serve') || args[args.indexOf('--port') + 1] !== port) continue;
    const data = args.includes('--data') ? args[args.indexOf('--data') + 1] : undefined;
    if (data) return path.resolve(readlinkSync(`/proc/${pid}/cwd`), data);
  }
  return null;
}

/**
 * The server's data directory, for specs that open past report periods. Only a server someone
 * started by hand may lack it: the spec is then skipped; in CI its own server always has one, so
 * a miss fails instead.
 */
export function serverDataDirOrSkip(): string | null {
  const dataDir = serverDataDir();
  if (!dataDir && process.env.CI) throw new Error('the e2e server data directory was not found');
  test.skip(!dataDir, 'needs the e2e server data directory (LUOSHI_E2E_DATA_DIR) to open past report periods');
  return dataDir;
}

/** Moves a task's assignment back to `date` and forgets its report schedule, so its past periods open. */
export function backdateAssignment(dataDir: string, taskId: number, date: string): void {
  const db = new Database(path.join(dataDir, 'luoshi.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('UPDATE tasks SET assigned_at = ? WHERE id = ?').run(`${date}T04:00:00.000Z`, taskId);
    db.prepare('DELETE FROM report_schedules WHERE task_id = ?').run(taskId);
  } finally {
    db.close();
  }
}

/** Today in the server's zone (the e2e server reckons dates in Asia/Shanghai). */
export function shanghaiToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

export function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** A small but valid one-page PDF saying `line`. */
export function samplePdf(line: string): Buffer {
  const stream = `BT /F1 24 Tf 72 720 Td (${line}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  return pdfDocument(objects);
}

/** A 480×300 PNG: a sky, a ground and a block standing in for a site photo. */
export function samplePng(): Buffer {
  return rgbPng(480, 300, (x, y) => {
    const isBlock = x > 160 && x < 320 && y > 90 && y < 220;
    if (isBlock) return [179, 38, 30];
    return y >= 220 ? [120, 110, 90] : [150, 190 + (y % 40), 235];
  });
}

/** An HTML page pretending to be a PDF (must be refused: the type is checked by content). */
export const fakePdf = Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');

export interface People {
  supervisor: string;
  leadStaff: string;
  leadHead: string;
  coopStaff: string;
  coopHead: string;
}

export interface World {
  suffix: string;
  password: string;
  people: People;
  leadUnit: { id: number; name: string };
  coopUnit: { id: number; name: string };
}

/** Units and people for a run; names carry `suffix`, so runs on one server do not collide. */
export async function buildWorld(request: Request, suffix: string, password: string): Promise<World> {
  const api = await adminApi(request);
  const city = await api.createUnit({ name: `江川市人民政府${suffix}` });
  const office = await api.createUnit({ name: `市政府督查室${suffix}`, parentId: city.id });
  const lead = await api.createUnit({ name: `市发展和改革委员会${suffix}`, parentId: city.id });
  const coop = await api.createUnit({ name: `市财政局${suffix}`, parentId: city.id });
  const people: People = {
    supervisor: `rsup${suffix}`,
    leadStaff: `rlead${suffix}`,
    leadHead: `rleadhead${suffix}`,
    coopStaff: `rcoop${suffix}`,
    coopHead: `rcoophead${suffix}`,
  };
  const user = (username: string, displayName: string, unitId: number, roles: string[]) =>
    api.createUser({ username, displayName, password, unitId, roles });
  await user(people.supervisor, `周督查${suffix.slice(-3)}`, office.id, ['supervisor']);
  await user(people.leadStaff, `孙经办${suffix.slice(-3)}`, lead.id, ['unit_staff']);
  await user(people.leadHead, `李主任${suffix.slice(-3)}`, lead.id, ['unit_head']);
  await user(people.coopStaff, `钱经办${suffix.slice(-3)}`, coop.id, ['unit_staff']);
  await user(people.coopHead, `赵局长${suffix.slice(-3)}`, coop.id, ['unit_head']);
  return {
    suffix,
    password,
    people,
    leadUnit: { id: lead.id, name: lead.name },
    coopUnit: { id: coop.id, name: coop.name },
  };
}

/** An API client signed in as one person. */
export async function signedIn(playwright: PlaywrightWorkerArgs['playwright'], username: string, password: string) {
  const request = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
  await call(request, 'post', '/auth/login', { username, password });
  return request;
}

export type Clients = Record<keyof People, Request>;

export async function clientsOf(playwright: PlaywrightWorkerArgs['playwright'], world: World): Promise<Clients> {
  const entries = await Promise.all(
    (Object.keys(world.people) as Array<keyof People>).map(
      async (key) => [key, await signedIn(playwright, world.people[key], world.password)] as const,
    ),
  );
  return Object.fromEntries(entries) as Clients;
}

export const PLAN = {
  targets: [{ id: 'starts', name: '新开工项目', measureUnit: '个', baseline: 0, targetValue: 12 }],
  milestones: [
    { id: 'tender', date: '2026-10-31', deliverable: '完成施工招标', evidenceRequired: true },
    { id: 'open', date: '2026-12-31', deliverable: '全部项目开工', evidenceRequired: false },
  ],
};

/**
 * A key task led by the lead unit with the cooperating unit, assigned `daysAgo` days back, with
 * an accepted plan (one target, two milestones) and a monthly cycle; answers it and its periods.
 */
export async function reportingTask(clients: Clients, world: World, title: string, dataDir: string, daysAgo: number) {
  const { supervisor, leadStaff, leadHead } = clients;
  const created = await call<TaskDetail>(supervisor, 'post', '/tasks', {
    title,
    description: '滚动推进交通、能源、水利等领域重大项目建设，确保全年新开工项目 12 个。',
    isKey: true,
    leadUnitId: world.leadUnit.id,
    cooperatingUnits: [{ unitId: world.coopUnit.id, part: '统筹安排项目资金。' }],
    deadline: `${new Date().getFullYear() + 1}-06-30`,
  });
  await call(supervisor, 'post', `/tasks/${created.id}/assign`, { version: created.version });
  await call(supervisor, 'put', `/tasks/${created.id}/report-cycle`, { version: 0, kind: 'monthly' });
  backdateAssignment(dataDir, created.id, addDays(shanghaiToday(), -daysAgo));

  const draft = await call<TaskPlan>(leadStaff, 'put', `/tasks/${created.id}/plan`, {
    version: 0,
    ...PLAN,
    steps: [],
    expectedProgress: [],
    progressBasis: 'reports',
  });
  let plan = await call<TaskPlan>(leadStaff, 'post', `/tasks/${created.id}/plan/actions`, {
    action: 'submit',
    version: draft.plan?.version,
  });
  plan = await call<TaskPlan>(leadHead, 'post', `/tasks/${created.id}/plan/actions`, {
    action: 'approve',
    version: plan.plan?.version,
  });
  await call<TaskPlan>(supervisor, 'post', `/tasks/${created.id}/plan/actions`, {
    action: 'accept',
    version: plan.plan?.version,
  });
  const reports = await call<TaskReports>(supervisor, 'get', `/tasks/${created.id}/reports`);
  expect(reports.periods.length, 'periods opened by the backdated assignment').toBeGreaterThanOrEqual(2);
  return { task: created, periods: reports.periods };
}

/** The slot id of a unit in a period. */
export function slotOf(periods: TaskReports['periods'], index: number, unitId: number): number {
  const slot = periods[index]?.slots.find((s) => s.unitId === unitId);
  if (!slot) throw new Error(`no slot for unit ${unitId} in period ${index}`);
  return slot.periodId;
}

/** Starts a report as `request`, saves `fields`, and answers it. */
export async function writeReport(
  request: Request,
  taskId: number,
  periodId: number,
  fields: Record<string, unknown>,
): Promise<ReportDetail> {
  const started = await call<ReportDetail>(request, 'post', `/tasks/${taskId}/reports`, { periodId });
  return call<ReportDetail>(request, 'put', `/reports/${started.id}`, { version: started.version, ...fields });
}

/** Takes review steps in turn, each as the given person, at the report's current version. */
export async function review(reportId: number, steps: Array<[Request, 'submit' | 'approve' | 'accept']>) {
  let report: ReportDetail | null = null;
  for (const [request, action] of steps) {
    const current = await call<ReportDetail>(request, 'get', `/reports/${reportId}`);
    report = await call<ReportDetail>(request, 'post', `/reports/${reportId}/actions`, {
      action,
      version: current.version,
    });
  }
  return report;
}

/** Uploads a file to a task as `request`. */
export async function uploadFile(request: Request, taskId: number, name: string, mimeType: string, buffer: Buffer) {
  const response = await request.post(`/api/v1/tasks/${taskId}/files`, {
    headers: apiHeaders,
    multipart: { file: { name, mimeType, buffer } },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as TaskFile;
}
