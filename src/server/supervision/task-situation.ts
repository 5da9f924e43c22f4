import { localDate } from '../../domain/dates.js';
import type { LadderFacts } from '../../domain/escalation-ladder.js';
import { assessHealth, type HealthFacts, type HealthSettings, type TaskHealth } from '../../domain/task-health.js';
import type { WorkingCalendar } from '../../domain/working-days.js';
import type { TaskStatus } from '../../shared/tasks.js';
import type { Executor } from '../db/connect.js';
import {
  type HealthTaskRow,
  listAcceptedLeadPercents,
  listAcceptedPlanContents,
  listHealthTaskRows,
  listLeadAcknowledged,
  listMissingLeadReports,
  listStalledStates,
  listUnansweredInstructionTargets,
} from './health-facts.repository.js';

/** One task as the sweep sees it: its row, its health today, and the ladder's facts. */
export interface TaskSituation {
  row: HealthTaskRow;
  health: TaskHealth | null;
  ladder: LadderFacts;
}

export interface SituationContext {
  today: string;
  timeZone: string;
  calendar: WorkingCalendar;
  settings: HealthSettings;
}

/** Reads the facts of a batch of tasks (seven queries, whatever the batch size) and assesses each. */
export async function readSituations(
  db: Executor,
  taskIds: readonly number[],
  context: SituationContext,
): Promise<TaskSituation[]> {
  const { today } = context;
  const [rows, acknowledged, missing, percents, plans, stalled, instructions] = await Promise.all([
    listHealthTaskRows(db, taskIds),
    listLeadAcknowledged(db, taskIds),
    listMissingLeadReports(db, taskIds, today),
    listAcceptedLeadPercents(db, taskIds),
    listAcceptedPlanContents(db, taskIds),
    listStalledStates(db, taskIds),
    listUnansweredInstructionTargets(db, taskIds),
  ]);
  const missingOf = groupBy(missing, (m) => m.task_id);
  const percentsOf = groupBy(percents, (p) => p.task_id);
  const planOf = new Map(plans.map((plan) => [plan.task_id, plannedQuarters(plan.content)]));
  const stalledOf = new Map(stalled.map((s) => [s.task_id, s.stalled_since]));
  const instructionsOf = groupBy(instructions, (i) => i.task_id);

  return rows
    .sort((a, b) => a.id - b.id)
    .map((row) => {
      const assignedOn = row.assigned_at ? localDate(new Date(row.assigned_at), context.timeZone) : null;
      const missingReports = (missingOf.get(row.id) ?? []).map((m) => ({
        periodEnd: m.period_end,
        dueDate: m.due_date,
      }));
      const stalledSinceAt = stalledOf.get(row.id);
      const isStalled = stalledSinceAt !== undefined;
      const stalledSince = stalledSinceAt ? localDate(new Date(stalledSinceAt), context.timeZone) : null;
      const facts: HealthFacts = {
        status: row.status,
        deadline: row.deadline,
        startDate: row.start_date,
        assignedOn,
        progress: row.progress,
        acknowledged: acknowledged.has(row.id),
        missingReport: missingReports[0] ?? null,
        stalled: isStalled,
        stalledSince,
        plannedQuarters: planOf.get(row.id) ?? [],
        reports: (percentsOf.get(row.id) ?? [])
          .filter((p) => p.percent !== null)
          .slice(0, context.settings.forecastReports)
          .map((p) => ({ on: p.period_end, percent: p.percent ?? 0 })),
      };
      const ladder: LadderFacts = {
        status: row.status as TaskStatus,
        deadline: row.deadline,
        assignedOn,
        acknowledged: facts.acknowledged,
        missingReports,
        stalled: isStalled,
        stalledSince,
        unansweredInstructions: (instructionsOf.get(row.id) ?? []).map((i) => ({
          id: String(i.instruction_id),
          dueDate: i.respond_by,
        })),
      };
      return { row, health: assessHealth(facts, today, context.calendar, context.settings), ladder };
    });
}

/** The accepted plan's 形象进度 by quarter, read leniently (a plan without it has none). */
function plannedQuarters(content: string): { quarter: string; percent: number }[] {
  try {
    const parsed = JSON.parse(content) as { expectedProgress?: unknown };
    if (!Array.isArray(parsed.expectedProgress)) return [];
    return parsed.expectedProgress.filter(
      (q): q is { quarter: string; percent: number } =>
        typeof q === 'object' && q !== null && typeof q.quarter === 'string' && typeof q.percent === 'number',
    );
  } catch {
    return [];
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
