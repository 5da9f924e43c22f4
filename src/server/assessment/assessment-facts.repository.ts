import type { PeriodFacts, TaskFact } from '../../domain/assessment-facts.js';
import type { AssessmentRole } from '../../shared/assessment-api.js';
import type { Executor } from '../db/connect.js';
import { unitEvents } from './assessment-events.repository.js';

// The facts a period is scored from, gathered set-based: one query per kind of fact for all the
// period's tasks at once, each joined to `assessment_tasks` (filled by resolvePeriodTasks) on its
// primary key, never one query per task. Instants become local days here; which facts count and
// what they are worth is decided in src/domain/assessment-*.ts.

export interface FactsWindow {
  periodId: number;
  startsOn: string;
  endsOn: string;
  /** UTC instants bounding the period's local days. */
  from: string;
  until: string;
  day: (instant: string | null) => string | null;
}

const asRole = (role: string): AssessmentRole => (role === 'lead' ? 'lead' : 'cooperating');

/**
 * The period's tasks with their units, approved extensions and first plan: four queries, each
 * driven by assessment_tasks_pk and the related table's task index (task_units_pk,
 * extension_requests_task_idx, plans_task_version_uq then plan_rounds_plan_idx).
 */
async function taskFacts(db: Executor, w: FactsWindow): Promise<TaskFact[]> {
  const [tasks, units, extensions, plans] = await Promise.all([
    db
      .selectFrom('assessment_tasks as at')
      .innerJoin('tasks', 'tasks.id', 'at.task_id')
      .select(['tasks.id', 'tasks.status', 'tasks.assigned_at', 'tasks.deadline', 'tasks.original_deadline'])
      .select(['tasks.closed_at', 'tasks.health_light', 'tasks.health_on'])
      .where('at.period_id', '=', w.periodId)
      .orderBy('tasks.id')
      .execute(),
    db
      .selectFrom('assessment_tasks as at')
      .innerJoin('task_units as tu', 'tu.task_id', 'at.task_id')
      .select(['tu.task_id', 'tu.unit_id', 'tu.role'])
      .where('at.period_id', '=', w.periodId)
      .orderBy('tu.task_id')
      .orderBy('tu.unit_id')
      .execute(),
    db
      .selectFrom('assessment_tasks as at')
      .innerJoin('extension_requests as er', 'er.task_id', 'at.task_id')
      .select([
        'er.id',
        'er.task_id',
        'er.unit_id',
        'er.supervisor_decided_at',
        'er.leader_decided_at',
        'er.updated_at',
      ])
      .where('at.period_id', '=', w.periodId)
      .where('er.status', '=', 'approved')
      .orderBy('er.id')
      .execute(),
    db
      .selectFrom('assessment_tasks as at')
      .innerJoin('plans', 'plans.task_id', 'at.task_id')
      .leftJoin('plan_rounds as pr', (join) => join.onRef('pr.plan_id', '=', 'plans.id').on('pr.action', '=', 'accept'))
      .select((eb) => ['plans.task_id', eb.fn.min('plans.id').as('plan_id'), eb.fn.min('pr.at').as('accepted_at')])
      .where('at.period_id', '=', w.periodId)
      .groupBy('plans.task_id')
      .execute(),
  ]);
  const unitsOf = new Map<number, TaskFact['units'][number][]>();
  for (const row of units) {
    const list = unitsOf.get(row.task_id) ?? [];
    list.push({ unitId: row.unit_id, role: asRole(row.role) });
    unitsOf.set(row.task_id, list);
  }
  const extensionsOf = new Map<number, TaskFact['extensions'][number][]>();
  for (const row of extensions) {
    // The final approval: the leader's when one was needed, else the supervisor's.
    const decided = [row.supervisor_decided_at, row.leader_decided_at].filter((at): at is string => at !== null).sort();
    const list = extensionsOf.get(row.task_id) ?? [];
    list.push({ id: row.id, unitId: row.unit_id, decidedOn: w.day(decided.at(-1) ?? row.updated_at) ?? '' });
    extensionsOf.set(row.task_id, list);
  }
  const planOf = new Map(plans.map((row) => [row.task_id, row]));
  return tasks.map((task) => {
    const plan = planOf.get(task.id);
    return {
      taskId: task.id,
      units: unitsOf.get(task.id) ?? [],
      status: task.status,
      assignedOn: w.day(task.assigned_at),
      deadline: task.deadline,
      originalDeadline: task.original_deadline,
      closedOn: task.status === 'closed' ? w.day(task.closed_at) : null,
      light: task.health_light,
      lightOn: task.health_on,
      extensions: extensionsOf.get(task.id) ?? [],
      plan: plan
        ? { planId: Number(plan.plan_id), acceptedOn: w.day((plan.accepted_at as string | null) ?? null) }
        : null,
    };
  });
}

/**
 * Report slots due in the period with their report, if any (report_periods_task_idx leads with
 * task_id after assessment_tasks_pk; reports by its unique period_id).
 */
function reportSlots(db: Executor, w: FactsWindow) {
  return db
    .selectFrom('assessment_tasks as at')
    .innerJoin('report_periods as rp', 'rp.task_id', 'at.task_id')
    .leftJoin('reports as r', 'r.period_id', 'rp.id')
    .select([
      'rp.id',
      'rp.task_id',
      'rp.unit_id',
      'rp.due_date',
      'r.id as report_id',
      'r.submitted_at',
      'r.late_working_days',
    ])
    .where('at.period_id', '=', w.periodId)
    .where('rp.due_date', '>=', w.startsOn)
    .where('rp.due_date', '<=', w.endsOn)
    .orderBy('rp.id')
    .execute();
}

/**
 * Everything a period is scored from. Instructions come through instruction_targets_task_idx
 * (due by the period's end, not answered before it starts); ratings by assessment_ratings_key,
 * which leads with period_id.
 */
export async function gatherPeriodFacts(db: Executor, w: FactsWindow): Promise<PeriodFacts> {
  const [tasks, slots, events, instructions, ratings] = await Promise.all([
    taskFacts(db, w),
    reportSlots(db, w),
    unitEvents(db, w),
    db
      .selectFrom('assessment_tasks as at')
      .innerJoin('instruction_targets as it', 'it.task_id', 'at.task_id')
      .innerJoin('instructions as i', 'i.id', 'it.instruction_id')
      .select(['it.instruction_id', 'it.task_id', 'it.unit_id', 'i.respond_by', 'it.responded_at'])
      .where('at.period_id', '=', w.periodId)
      .where('i.respond_by', '<=', w.endsOn)
      .where((eb) => eb.or([eb('it.responded_at', 'is', null), eb('it.responded_at', '>=', w.from)]))
      .orderBy('it.instruction_id')
      .orderBy('it.task_id')
      .execute(),
    db
      .selectFrom('assessment_ratings as ar')
      .innerJoin('assessment_tasks as at', (join) =>
        join.onRef('at.period_id', '=', 'ar.period_id').onRef('at.task_id', '=', 'ar.task_id'),
      )
      .select(['ar.id', 'ar.task_id', 'ar.unit_id', 'ar.rating', 'ar.updated_at'])
      .where('ar.period_id', '=', w.periodId)
      .orderBy('ar.id')
      .execute(),
  ]);
  return {
    tasks,
    reportSlots: slots.map((s) => ({
      slotId: s.id,
      taskId: s.task_id,
      unitId: s.unit_id,
      dueDate: s.due_date,
      reportId: s.report_id,
      submittedOn: w.day(s.submitted_at),
      lateWorkingDays: s.late_working_days,
    })),
    events,
    instructions: instructions.map((i) => ({
      instructionId: i.instruction_id,
      taskId: i.task_id,
      unitId: i.unit_id,
      respondBy: i.respond_by,
      respondedOn: w.day(i.responded_at),
    })),
    ratings: ratings.map((r) => ({
      id: r.id,
      taskId: r.task_id,
      unitId: r.unit_id,
      rating: r.rating,
      on: w.day(r.updated_at) ?? '',
    })),
  };
}
