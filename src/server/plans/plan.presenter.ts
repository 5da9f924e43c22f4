import type { z } from 'zod';
import type {
  PlanContent,
  PlanPartContent,
  PlanSnapshot,
  PlanStatus,
  PlanView,
  planVersionSummarySchema,
} from '../../shared/plans-api.js';
import type { Executor } from '../db/connect.js';
import { listPlanPartRows, listPlanRoundRows, type PlanRow } from './plans.repository.js';

type PlanSummaryView = z.infer<typeof planVersionSummarySchema>;

async function namesOf(db: Executor, unitIds: number[], personIds: Array<number | null>) {
  const people = [...new Set(personIds.filter((id): id is number => id !== null))];
  const units = [...new Set(unitIds)];
  const [unitRows, personRows] = await Promise.all([
    units.length ? db.selectFrom('units').select(['id', 'name']).where('id', 'in', units).execute() : [],
    people.length ? db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', people).execute() : [],
  ]);
  return {
    units: new Map(unitRows.map((u) => [u.id, u.name])),
    people: new Map(personRows.map((p) => [p.id, p.display_name])),
  };
}

/** The list shape of a plan version. */
export function presentPlanSummary(row: Omit<PlanRow, 'content'>): PlanSummaryView {
  return {
    id: row.id,
    versionNo: row.version_no,
    status: row.status as PlanStatus,
    createdAt: row.created_at,
    submittedAt: row.submitted_at,
    decidedAt: row.decided_at,
  };
}

/** One plan version with its parts and review rounds, names resolved in one query per kind. */
export async function presentPlan(db: Executor, row: PlanRow): Promise<PlanView> {
  const [parts, rounds] = await Promise.all([listPlanPartRows(db, row.id), listPlanRoundRows(db, row.id)]);
  const names = await namesOf(
    db,
    parts.map((p) => p.unit_id),
    [row.created_by, ...parts.map((p) => p.updated_by), ...rounds.map((r) => r.actor_user_id)],
  );
  const person = (id: number | null) => (id === null ? null : { id, displayName: names.people.get(id) ?? `#${id}` });
  return {
    ...presentPlanSummary(row),
    taskId: row.task_id,
    content: JSON.parse(row.content) as PlanContent,
    createdBy: person(row.created_by),
    updatedAt: row.updated_at,
    version: row.version,
    parts: parts.map((part) => ({
      unitId: part.unit_id,
      unitName: names.units.get(part.unit_id) ?? `#${part.unit_id}`,
      content: JSON.parse(part.content) as PlanPartContent,
      updatedBy: person(part.updated_by),
      updatedAt: part.updated_at,
      version: part.version,
    })),
    rounds: rounds.map((round) => ({
      id: round.id,
      at: round.at,
      actor: person(round.actor_user_id),
      action: round.action,
      reason: round.reason,
      snapshot: round.snapshot ? (JSON.parse(round.snapshot) as PlanSnapshot) : null,
    })),
  };
}
