import {
  PLAN_DUE_WORKING_DAYS,
  type PointRefType,
  type ScoringRuleId,
  type TaskOutcome,
} from '../shared/assessment-api.js';
import type { PeriodFacts, ReportSlotFact, ScoringWindow, TaskFact } from './assessment-facts.js';
import { addWorkingDays, type WorkingCalendar, workingDaysBetween } from './working-days.js';

// Turns a period's facts into occurrences of scoring rules: each one fact that a rule may score,
// dated, with the record it came from. Which occurrences count, and on which day, is decided here
// (see src/shared/assessment-api.ts and docs/assessment.md); what they are worth is the scheme's
// business (assessment-scoring.ts).

/** One occurrence of a rule's fact; unitId null = every unit of the task, each in its role. */
export interface Occurrence {
  ruleId: ScoringRuleId;
  taskId: number;
  unitId: number | null;
  occurredOn: string | null;
  refType: PointRefType;
  refId: number;
  /** Working days late or overdue (per-working-day rules), else null. */
  workingDays: number | null;
  /** quality_rating: the average rating minus 3 (the multiplier of the rule's points), else null. */
  factor: number | null;
  detail: Record<string, unknown>;
}

/** Rules whose occurrences are wanted (the scheme's enabled ones); null = all. */
export type WantedRules = ReadonlySet<ScoringRuleId> | null;

/**
 * Collects occurrences of wanted rules only (a scheme rarely scores every rule, and a period has
 * hundreds of thousands of report slots), always in the same object shape.
 */
class Sink {
  readonly out: Occurrence[] = [];
  constructor(private readonly wanted: WantedRules) {}
  wants(ruleId: ScoringRuleId): boolean {
    return this.wanted === null || this.wanted.has(ruleId);
  }
  add(
    ruleId: ScoringRuleId,
    at: { taskId: number; unitId: number | null; occurredOn: string | null; refType: PointRefType; refId: number },
    detail: Record<string, unknown>,
    workingDays: number | null = null,
    factor: number | null = null,
  ): void {
    if (!this.wants(ruleId)) return;
    const { taskId, unitId, occurredOn, refType, refId } = at;
    this.out.push({ ruleId, taskId, unitId, occurredOn, refType, refId, workingDays, factor, detail });
  }
}

const inWindow = (window: ScoringWindow, day: string | null): day is string =>
  day !== null && day >= window.startsOn && day <= window.endsOn;

/** The day the period is judged up to: its end, or today while it is still running. */
export function judgedOn(window: ScoringWindow): string {
  return [window.today, window.endsOn].sort()[0] as string;
}

/**
 * The deadline a task is judged by: after an approved extension the current one; without one the
 * original, so a deadline moved by hand does not excuse lateness.
 */
export function judgedDeadline(task: TaskFact): string | null {
  if (task.extensions.length > 0) return task.deadline;
  return task.originalDeadline ?? task.deadline;
}

/** How the task ended up as of the period: done on time, done late, or not done. */
export function taskOutcome(task: TaskFact, window: ScoringWindow): TaskOutcome {
  if (task.status !== 'closed' || task.closedOn === null || task.closedOn > window.endsOn) return 'not_done';
  const deadline = judgedDeadline(task);
  return deadline === null || task.closedOn <= deadline ? 'done_on_time' : 'done_late';
}

const NOT_RUNNING = new Set(['closed', 'cancelled', 'suspended', 'draft']);

/** Completion, lateness, overdue, extensions, light and plan: the task-level occurrences. */
function taskOccurrences(sink: Sink, task: TaskFact, window: ScoringWindow, calendar: WorkingCalendar): void {
  const asOf = judgedOn(window);
  const deadline = judgedDeadline(task);
  const at = (occurredOn: string | null) => ({
    taskId: task.taskId,
    unitId: null,
    occurredOn,
    refType: 'task' as const,
    refId: task.taskId,
  });
  const outcome = taskOutcome(task, window);
  if (outcome !== 'not_done' && inWindow(window, task.closedOn)) {
    if (outcome === 'done_on_time') {
      sink.add('completed_on_time', at(task.closedOn), { deadline });
    } else if (deadline !== null && sink.wants('completed_late')) {
      const workingDays = workingDaysBetween(calendar, deadline, task.closedOn);
      sink.add('completed_late', at(task.closedOn), { deadline, closedOn: task.closedOn, workingDays }, workingDays);
    }
  }
  const running = !NOT_RUNNING.has(task.status) || (task.status === 'closed' && (task.closedOn ?? '') > asOf);
  if (running && deadline !== null && deadline < asOf && task.assignedOn !== null && task.assignedOn <= asOf) {
    const workingDays = workingDaysBetween(calendar, deadline, asOf);
    if (workingDays > 0) sink.add('open_overdue', at(asOf), { deadline, workingDays }, workingDays);
  }
  for (const extension of task.extensions) {
    if (!inWindow(window, extension.decidedOn)) continue;
    const ref = {
      taskId: task.taskId,
      unitId: extension.unitId,
      occurredOn: extension.decidedOn,
      refType: 'extension' as const,
      refId: extension.id,
    };
    sink.add('extension_used', ref, { deadline: task.deadline, originalDeadline: task.originalDeadline });
  }
  if (task.light === 'amber' || task.light === 'red') {
    sink.add(task.light === 'amber' ? 'light_amber' : 'light_red', at(task.lightOn), { light: task.light });
  }
  if (task.plan && (sink.wants('plan_on_time') || sink.wants('plan_late')))
    planOccurrence(sink, task, window, calendar);
}

/** The lead unit's plan: accepted within PLAN_DUE_WORKING_DAYS of assignment, or late. */
function planOccurrence(sink: Sink, task: TaskFact, window: ScoringWindow, calendar: WorkingCalendar): void {
  const lead = task.units.find((unit) => unit.role === 'lead');
  if (!task.plan || !lead || task.assignedOn === null) return;
  const dueOn = addWorkingDays(calendar, task.assignedOn, PLAN_DUE_WORKING_DAYS);
  const ref = (occurredOn: string) => ({
    taskId: task.taskId,
    unitId: lead.unitId,
    occurredOn,
    refType: 'plan' as const,
    refId: task.plan?.planId ?? 0,
  });
  const { acceptedOn } = task.plan;
  if (acceptedOn !== null) {
    if (inWindow(window, acceptedOn)) {
      sink.add(acceptedOn <= dueOn ? 'plan_on_time' : 'plan_late', ref(acceptedOn), { dueOn, acceptedOn });
    }
  } else if (inWindow(window, dueOn) && dueOn < judgedOn(window)) {
    sink.add('plan_late', ref(dueOn), { dueOn, acceptedOn: null });
  }
}

/** A report slot due in the period: on time, late, or missing once its due date has passed. */
function slotOccurrence(sink: Sink, slot: ReportSlotFact, window: ScoringWindow): void {
  if (!inWindow(window, slot.dueDate)) return;
  if (slot.reportId !== null && slot.submittedOn !== null && slot.submittedOn <= window.endsOn) {
    const late = (slot.lateWorkingDays ?? 0) > 0;
    const ruleId = late ? 'report_late' : 'report_on_time';
    if (!sink.wants(ruleId)) return;
    const ref = {
      taskId: slot.taskId,
      unitId: slot.unitId,
      occurredOn: slot.submittedOn,
      refType: 'report' as const,
      refId: slot.reportId,
    };
    if (late) sink.add(ruleId, ref, { dueDate: slot.dueDate, workingDays: slot.lateWorkingDays }, slot.lateWorkingDays);
    else sink.add(ruleId, ref, { dueDate: slot.dueDate });
    return;
  }
  if (slot.dueDate >= window.today || !sink.wants('report_missing')) return;
  const ref = {
    taskId: slot.taskId,
    unitId: slot.unitId,
    occurredOn: slot.dueDate,
    refType: 'report_period' as const,
    refId: slot.slotId,
  };
  sink.add('report_missing', ref, { dueDate: slot.dueDate });
}

const EVENT_RULES = {
  report_returned: ['report_returned', 'report'],
  report_duplicate: ['report_duplicate', 'report'],
  urge: ['urge_received', 'action'],
  notice: ['notice_received', 'action'],
  coordination_declined: ['coordination_declined', 'coordination'],
} as const;

/**
 * Every occurrence of the period's facts (of the wanted rules), in a fixed order: the order of
 * the explanation lines.
 */
export function occurrencesOf(
  facts: PeriodFacts,
  window: ScoringWindow,
  calendar: WorkingCalendar,
  wanted: WantedRules = null,
): Occurrence[] {
  const sink = new Sink(wanted);
  const leadOf = new Map<number, number>();
  for (const task of facts.tasks) {
    taskOccurrences(sink, task, window, calendar);
    const lead = task.units.find((unit) => unit.role === 'lead');
    if (lead) leadOf.set(task.taskId, lead.unitId);
  }
  for (const slot of facts.reportSlots) slotOccurrence(sink, slot, window);
  for (const event of facts.events) {
    if (!inWindow(window, event.on)) continue;
    const [ruleId, refType] = EVENT_RULES[event.kind];
    sink.add(
      ruleId,
      { taskId: event.taskId, unitId: event.unitId, occurredOn: event.on, refType, refId: event.refId },
      event.detail ?? {},
    );
  }
  const asOf = judgedOn(window);
  for (const target of facts.instructions) {
    const unitId = target.unitId ?? leadOf.get(target.taskId) ?? null;
    const late = target.respondedOn === null ? target.respondBy < asOf : target.respondedOn > target.respondBy;
    const occurredOn = target.respondedOn ?? target.respondBy;
    if (unitId === null || !late || !inWindow(window, occurredOn)) continue;
    const ref = {
      taskId: target.taskId,
      unitId,
      occurredOn,
      refType: 'instruction' as const,
      refId: target.instructionId,
    };
    sink.add('instruction_late', ref, { respondBy: target.respondBy, respondedOn: target.respondedOn });
  }
  if (sink.wants('quality_rating')) ratingOccurrences(sink, facts);
  return sink.out;
}

/** One occurrence per unit and task rated: the raters' average minus 3. */
function ratingOccurrences(sink: Sink, facts: PeriodFacts): void {
  const groups = new Map<string, (typeof facts.ratings)[number][]>();
  for (const rating of facts.ratings) {
    const key = `${rating.taskId}:${rating.unitId}`;
    const group = groups.get(key);
    if (group) group.push(rating);
    else groups.set(key, [rating]);
  }
  for (const ratings of groups.values()) {
    const first = ratings.reduce((a, b) => (b.id < a.id ? b : a));
    const total = ratings.reduce((sum, r) => sum + r.rating, 0);
    const lastOn =
      ratings
        .map((r) => r.on)
        .sort()
        .at(-1) ?? '';
    const ref = {
      taskId: first.taskId,
      unitId: first.unitId,
      occurredOn: lastOn || null,
      refType: 'rating' as const,
      refId: first.id,
    };
    const detail = { rating: Math.round((total / ratings.length) * 100) / 100, raters: ratings.length };
    sink.add('quality_rating', ref, detail, null, total / ratings.length - 3);
  }
}
