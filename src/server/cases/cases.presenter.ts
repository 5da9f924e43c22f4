import type {
  Adoption,
  AdoptionCounts,
  AdoptionList,
  AdoptionStatus,
  CaseKind,
  CaseStatus,
  CaseSummary,
  CaseView,
} from '../../shared/cases-api.js';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { unitNames } from '../units/unit-names.repository.js';
import { personNames } from '../users/people-names.repository.js';
import { allowedCaseActions, canAnswerAdoption, memberUnitOf } from './case-access.js';
import {
  type AdoptionRow,
  type CaseRow,
  countAdoptionRows,
  findCasePeriods,
  findCaseTasks,
  listAdoptionRows,
  listUnitAdoptionRows,
} from './cases.repository.js';

type Names = { units: Map<number, string>; people: Map<number, string> };

/** Counts of answers among adoption rows. */
export function countAdoptions(rows: readonly AdoptionRow[]): AdoptionCounts {
  const counts: AdoptionCounts = { total: rows.length, pending: 0, planned: 0, adopted: 0, notApplicable: 0 };
  for (const row of rows) {
    if (row.status === 'not_applicable') counts.notApplicable += 1;
    else if (row.status === 'pending' || row.status === 'planned' || row.status === 'adopted') counts[row.status] += 1;
  }
  return counts;
}

function presentAdoption(actor: Actor, row: CaseRow, adoption: AdoptionRow, names: Names): Adoption {
  return {
    caseId: adoption.case_id,
    unit: { id: adoption.unit_id, name: names.units.get(adoption.unit_id) ?? '' },
    status: adoption.status as AdoptionStatus,
    note: adoption.note,
    updatedAt: adoption.updated_at,
    updatedBy:
      adoption.updated_by === null
        ? null
        : { id: adoption.updated_by, displayName: names.people.get(adoption.updated_by) ?? '' },
    version: adoption.version,
    canAnswer: canAnswerAdoption(actor, row, adoption),
  };
}

const EMPTY_COUNTS: AdoptionCounts = { total: 0, pending: 0, planned: 0, adopted: 0, notApplicable: 0 };

/** Adoption counts of a page of cases, from one grouped query. */
async function countsByCase(db: Executor, caseIds: readonly number[]): Promise<Map<number, AdoptionCounts>> {
  const counts = new Map<number, AdoptionCounts>();
  for (const row of await countAdoptionRows(db, caseIds)) {
    const current = { ...(counts.get(row.case_id) ?? EMPTY_COUNTS) };
    const n = Number(row.count);
    current.total += n;
    if (row.status === 'not_applicable') current.notApplicable += n;
    else if (row.status === 'pending' || row.status === 'planned' || row.status === 'adopted') current[row.status] += n;
    counts.set(row.case_id, current);
  }
  return counts;
}

/**
 * Cases as the API answers them, with the names of their task, unit, period and people (one query
 * each for the whole page), adoption counts, the caller's own adoption row and allowed actions.
 */
async function present(db: Executor, actor: Actor, rows: readonly CaseRow[]) {
  const caseIds = rows.map((row) => row.id);
  const ownUnit = memberUnitOf(actor);
  const [counts, ownRows] = await Promise.all([
    countsByCase(db, caseIds),
    ownUnit === null ? Promise.resolve([]) : listUnitAdoptionRows(db, caseIds, ownUnit),
  ]);
  const [tasks, periods, units, people] = await Promise.all([
    findCaseTasks(
      db,
      rows.map((row) => row.task_id),
    ),
    findCasePeriods(
      db,
      rows.map((row) => row.period_id),
    ),
    unitNames(db, [...rows.map((row) => row.unit_id), ...ownRows.map((a) => a.unit_id)]),
    personNames(db, [...rows.map((row) => row.created_by), ...ownRows.map((a) => a.updated_by)]),
  ]);
  const names: Names = { units, people };
  const taskById = new Map(tasks.map((task) => [task.id, task]));
  const periodById = new Map(periods.map((period) => [period.id, period]));
  const ownByCase = new Map(ownRows.map((a) => [a.case_id, a]));
  return rows.map((row): CaseSummary => {
    const own = ownByCase.get(row.id);
    const task = row.task_id === null ? undefined : taskById.get(row.task_id);
    const period = row.period_id === null ? undefined : periodById.get(row.period_id);
    return {
      id: row.id,
      kind: row.kind as CaseKind,
      status: row.status as CaseStatus,
      title: row.title,
      summary: row.summary,
      task: task ? { id: task.id, number: task.number, title: task.title } : null,
      unit: row.unit_id === null ? null : { id: row.unit_id, name: units.get(row.unit_id) ?? '' },
      period: period ? { id: period.id, name: period.name } : null,
      toSpread: Number(row.to_spread) === 1,
      publishedAt: row.published_at,
      createdBy: row.created_by === null ? null : { id: row.created_by, displayName: people.get(row.created_by) ?? '' },
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      version: row.version,
      adoptionCounts: counts.get(row.id) ?? EMPTY_COUNTS,
      myAdoption: own ? presentAdoption(actor, row, own, names) : null,
      allowedActions: allowedCaseActions(actor, row, own),
    };
  });
}

/** A page of the library, without write-ups. */
export function presentCaseSummaries(db: Executor, actor: Actor, rows: readonly CaseRow[]): Promise<CaseSummary[]> {
  return present(db, actor, rows);
}

/** Every unit asked to adopt the case, by unit, with the counts of their answers. */
export async function presentAdoptions(db: Executor, actor: Actor, row: CaseRow): Promise<AdoptionList> {
  const adoptions = await listAdoptionRows(db, [row.id]);
  const [units, people] = await Promise.all([
    unitNames(
      db,
      adoptions.map((a) => a.unit_id),
    ),
    personNames(
      db,
      adoptions.map((a) => a.updated_by),
    ),
  ]);
  return {
    counts: countAdoptions(adoptions),
    items: adoptions.map((a) => presentAdoption(actor, row, a, { units, people })),
  };
}

/** One case with its write-up and every adoption row, by unit. */
export async function presentCase(db: Executor, actor: Actor, row: CaseRow): Promise<CaseView> {
  const [[summary], adoptions] = await Promise.all([present(db, actor, [row]), presentAdoptions(db, actor, row)]);
  if (!summary) throw new Error('presentCase lost its row');
  return { ...summary, writeUp: row.write_up, adoptions: adoptions.items };
}
