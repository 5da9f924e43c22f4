import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../gen/gen.service.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { listTaskRows, OVERDUE_STATUSES, sortValueOf, type TaskListFilter } from './task-list.repository.js';
import type { TaskScope } from './task-scope.js';

// The list query against a reference computed in plain code over every row, for many filter
// combinations, on a generated forest: the page read from task_units' copies (migration 0006) and
// the general query must both return exactly the tasks the filters describe, in order, page by page.

const TODAY = '2026-11-27';
let t: TestApp;

interface Row {
  id: number;
  status: string;
  deadline: string | null;
  updated_at: string;
  lead_unit_id: number | null;
  is_key: number;
}
interface UnitRow {
  task_id: number;
  unit_id: number;
  role: string;
  unit_path: string;
}
let tasks: Row[];
let taskUnits: UnitRow[];
let unitPaths: Map<number, string>;

beforeAll(async () => {
  t = await createTestApp();
  await generateDataset(
    { db: t.db, dialect: t.dialect, timeZone: 'Asia/Shanghai' },
    { units: 40, users: 200, tasks: 1500, seed: 7, force: false, today: TODAY },
  );
  tasks = await t.db
    .selectFrom('tasks')
    .select(['id', 'status', 'deadline', 'updated_at', 'lead_unit_id', 'is_key'])
    .execute();
  taskUnits = await t.db.selectFrom('task_units').select(['task_id', 'unit_id', 'role', 'unit_path']).execute();
  const units = await t.db.selectFrom('units').select(['id', 'path']).execute();
  unitPaths = new Map(units.map((u) => [u.id, u.path]));
}, 120_000);
afterAll(() => t.close());

function unitsOf(taskId: number) {
  return taskUnits.filter((u) => u.task_id === taskId);
}

function expected(f: TaskListFilter): number[] {
  const matches = tasks.filter((task) => {
    const units = unitsOf(task.id);
    if (!f.scope.all) {
      const seen = units.some(
        (u) => f.scope.unitIds.includes(u.unit_id) || f.scope.unitPaths.some((p) => u.unit_path.startsWith(p)),
      );
      if (!seen || task.status === 'draft') return false;
    }
    if (f.unit) {
      const { unit } = f;
      const hit = units.some(
        (u) =>
          (unit.includeSubunits ? u.unit_path.startsWith(unit.path) : u.unit_id === unit.id) &&
          (unit.role === 'any' || u.role === unit.role),
      );
      if (!hit) return false;
    }
    if (f.statuses && !f.statuses.includes(task.status)) return false;
    const overdue =
      (OVERDUE_STATUSES as readonly string[]).includes(task.status) && task.deadline !== null && task.deadline < TODAY;
    if (f.overdue !== undefined && overdue !== f.overdue) return false;
    if (f.isKey !== undefined && (task.is_key === 1) !== f.isKey) return false;
    if (f.deadlineTo && !(task.deadline !== null && task.deadline <= f.deadlineTo)) return false;
    return true;
  });
  const desc = f.sort.startsWith('-');
  const key = (task: Row) => (f.sort.endsWith('deadline') ? (task.deadline ?? '9999-12-31') : task.updated_at);
  matches.sort((a, b) => {
    const order = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id;
    return desc ? -order : order;
  });
  return matches.map((task) => task.id);
}

/** Every page of the list, following the keyset cursor. */
async function allPages(f: Omit<TaskListFilter, 'after' | 'limit' | 'today'>): Promise<number[]> {
  const ids: number[] = [];
  let after: [string, number] | undefined;
  for (let guard = 0; guard < 200; guard++) {
    const rows = await listTaskRows(t.db, t.dialect, { ...f, today: TODAY, limit: 50, after });
    ids.push(...rows.map((r) => r.id));
    if (rows.length < 50) return ids;
    const last = rows.at(-1);
    if (!last) return ids;
    after = [sortValueOf(last, f.sort), last.id];
  }
  throw new Error('too many pages');
}

describe(listTaskRows.name, () => {
  it('should keep task_units copies of status, deadline and updated_at equal to the task after a load', async () => {
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from task_units tu join tasks t on t.id = tu.task_id
      where tu.status <> t.status or tu.updated_at <> t.updated_at
        or coalesce(tu.deadline, '') <> coalesce(t.deadline, '')`.execute(t.db);
    expect(Number(rows[0]?.n)).toBe(0);
  });

  it('should follow changes to the task through the triggers, and fill new unit rows', async () => {
    const task = tasks.find((row) => unitsOf(row.id).length >= 2) as Row;
    await t.db
      .updateTable('tasks')
      .set({ status: 'suspended', deadline: '2030-01-31', updated_at: '2026-11-27T01:02:03.000Z' })
      .where('id', '=', task.id)
      .execute();
    const unit = [...unitPaths.keys()].find((id) => !unitsOf(task.id).some((u) => u.unit_id === id)) as number;
    await t.db
      .insertInto('task_units')
      .values({
        task_id: task.id,
        unit_id: unit,
        role: 'cooperating',
        unit_path: unitPaths.get(unit) as string,
        part: null,
      })
      .execute();
    const copies = await t.db
      .selectFrom('task_units')
      .select(['status', 'deadline', 'updated_at'])
      .where('task_id', '=', task.id)
      .execute();
    expect(copies.length).toBe(unitsOf(task.id).length + 1);
    for (const copy of copies) {
      expect(copy).toEqual({ status: 'suspended', deadline: '2030-01-31', updated_at: '2026-11-27T01:02:03.000Z' });
    }
    // Put the task back as it was so the comparisons below use the loaded rows.
    await t.db.deleteFrom('task_units').where('task_id', '=', task.id).where('unit_id', '=', unit).execute();
    await t.db
      .updateTable('tasks')
      .set({ status: task.status, deadline: task.deadline, updated_at: task.updated_at })
      .where('id', '=', task.id)
      .execute();
  });

  it('should list exactly the tasks the filters describe, in order, across pages, for every scope and unit filter', async () => {
    const department = taskUnits.find((u) => u.unit_path.split('/').length === 4) as UnitRow; // depth 1
    const departmentPath = department.unit_path;
    const section = taskUnits.find((u) => u.unit_path.startsWith(departmentPath) && u.unit_path !== departmentPath);
    const scopes: Record<string, TaskScope> = {
      all: { all: true, unitIds: [], unitPaths: [] },
      staff: { all: false, unitIds: [department.unit_id], unitPaths: [] },
      leader: { all: false, unitIds: [], unitPaths: [departmentPath] },
      'leader and staff': {
        all: false,
        unitIds: [section?.unit_id ?? department.unit_id],
        unitPaths: [departmentPath],
      },
    };
    const units: Array<TaskListFilter['unit']> = [
      undefined,
      { id: department.unit_id, path: departmentPath, includeSubunits: true, role: 'any' },
      { id: department.unit_id, path: departmentPath, includeSubunits: true, role: 'lead' },
      { id: department.unit_id, path: departmentPath, includeSubunits: true, role: 'cooperating' },
      { id: department.unit_id, path: departmentPath, includeSubunits: false, role: 'any' },
    ];
    const filters: Array<Partial<TaskListFilter>> = [
      {},
      { statuses: ['in_progress'] },
      { statuses: ['assigned', 'in_progress', 'returned'], overdue: true },
      { overdue: false },
      { deadlineTo: '2026-06-30' },
      { isKey: true },
    ];
    let compared = 0;
    let nonEmpty = 0;
    for (const [name, scope] of Object.entries(scopes)) {
      for (const unit of units) {
        for (const extra of filters) {
          for (const sort of ['-updated', 'deadline'] as const) {
            const f = { scope, unit, sort, ...extra } as Omit<TaskListFilter, 'after' | 'limit' | 'today'>;
            const want = expected({ ...f, today: TODAY, limit: 0 });
            const got = await allPages(f);
            expect(got, `${name} ${JSON.stringify({ unit, extra, sort })}`).toEqual(want);
            compared++;
            if (want.length) nonEmpty++;
          }
        }
      }
    }
    expect(compared).toBe(4 * 5 * 6 * 2);
    expect(nonEmpty).toBeGreaterThan(150);
  }, 120_000);
});
