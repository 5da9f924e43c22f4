import { CALENDAR_LIMITS, TASK_SETTING_LIMITS } from '../shared/calendar.js';
import type { TaskStatus } from '../shared/tasks.js';
import {
  addWorkingDays,
  fromDayNumber,
  isWorkingDay,
  nextWorkingDay,
  toDayNumber,
  type WorkingCalendar,
  workingDaysBetween,
} from './working-days.js';

// The escalation ladder (提醒 → 催办 → 督办 → 约谈 → 问责): rules that say what the system does, and to
// whom, when a task's deadline nears or passes, a report is missing, work has stalled, an assigned
// task is not acknowledged, or a leader's instruction goes unanswered. This module only answers
// "which actions are due for this task by today"; recording and sending them is the scheduler's job.
//
// Counting working days: every "after" trigger gives the unit `workingDays` whole working days of
// grace after its reference date and fires on the next working day. So "after the deadline, 0" is
// the first overdue working day, "after the deadline, 5" the sixth (five full overdue days have
// passed), and "unacknowledged, 2" matches "not acknowledged within 2 working days".

/** What makes a rule fire. `workingDays` is always a whole number ≥ 0. */
export type LadderTrigger =
  /** `workingDays` working days before the effective deadline (0 = on the deadline itself). */
  | { kind: 'before_deadline'; workingDays: number }
  /** After the effective deadline: 0 = the first overdue working day. */
  | { kind: 'after_deadline'; workingDays: number }
  /** A lead-unit progress report not in after its due date: 0 = the first working day it is late. */
  | { kind: 'report_missing'; workingDays: number }
  /** The task has been marked stalled (no real progress over cycles): fires once per stall. */
  | { kind: 'stalled' }
  /** Assigned but not acknowledged (签收) within `workingDays` working days. */
  | { kind: 'unacknowledged'; workingDays: number }
  /** A leader's instruction (批示) not answered by its due date: 0 = the first working day past it. */
  | { kind: 'instruction_unanswered'; workingDays: number };

export type LadderTriggerKind = LadderTrigger['kind'];

/** The rungs of the ladder, mildest first; an accountability proposal (问责) is only ever proposed. */
export type LadderAction = 'reminder' | 'urge' | 'notice' | 'interview_proposal' | 'accountability_proposal';

/** Who receives the action, resolved to people by the caller from the task's units and leaders. */
export type LadderRecipient = 'responsible_person' | 'unit_head' | 'unit_staff' | 'responsible_leader' | 'supervisors';

/** One rule of the ladder, as kept in settings. The `id` is part of every occurrence key: never reuse one. */
export interface LadderRule {
  id: string;
  trigger: LadderTrigger;
  action: LadderAction;
  recipients: LadderRecipient[];
  enabled: boolean;
}

/**
 * The ladder Luoshi ships with: remind the responsible person 3 working days before the deadline;
 * urge (催办) the unit head on the first overdue working day; issue a supervision notice (督办单)
 * once 5 overdue working days have passed; propose an interview (约谈) with the responsible leader
 * after 10 and, as the last step, accountability (问责, a proposed record for the supervision office
 * to open or dismiss) after 20. A missing report is urged after 2 late working days, an unacknowledged task is
 * reminded after the acknowledgement allowance, an unanswered instruction is urged on the first
 * working day past its due date, and supervisors hear of every stalled task.
 */
export const DEFAULT_LADDER: readonly LadderRule[] = [
  rule('deadline-reminder', { kind: 'before_deadline', workingDays: 3 }, 'reminder', ['responsible_person']),
  rule('overdue-urge', { kind: 'after_deadline', workingDays: 0 }, 'urge', ['unit_head', 'responsible_person']),
  rule('overdue-notice', { kind: 'after_deadline', workingDays: 5 }, 'notice', ['unit_head', 'supervisors']),
  rule('overdue-interview', { kind: 'after_deadline', workingDays: 10 }, 'interview_proposal', [
    'responsible_leader',
    'supervisors',
  ]),
  rule('overdue-accountability', { kind: 'after_deadline', workingDays: 20 }, 'accountability_proposal', [
    'supervisors',
  ]),
  rule('report-missing-urge', { kind: 'report_missing', workingDays: 2 }, 'urge', ['unit_staff', 'unit_head']),
  rule(
    'unacknowledged-reminder',
    { kind: 'unacknowledged', workingDays: TASK_SETTING_LIMITS.acknowledgeWorkingDaysDefault },
    'reminder',
    ['unit_head', 'unit_staff'],
  ),
  rule('instruction-urge', { kind: 'instruction_unanswered', workingDays: 0 }, 'urge', ['unit_head']),
  rule('stalled-reminder', { kind: 'stalled' }, 'reminder', ['supervisors', 'responsible_person']),
];

function rule(id: string, trigger: LadderTrigger, action: LadderAction, recipients: LadderRecipient[]): LadderRule {
  return { id, trigger, action, recipients, enabled: true };
}

/** What the ladder needs to know about one task, as of the sweep. Dates are `YYYY-MM-DD`. */
export interface LadderFacts {
  status: TaskStatus;
  /** The effective deadline: the latest approved extension's date, else the original. */
  deadline: string | null;
  assignedOn: string | null;
  acknowledged: boolean;
  /** Lead-unit reports not submitted, each with the period it covers and its due date. */
  missingReports: readonly { periodEnd: string; dueDate: string }[];
  stalled: boolean;
  stalledSince: string | null;
  /** Instructions (批示) on the task without a response, each with its response due date. */
  unansweredInstructions: readonly { id: string; dueDate: string }[];
}

/** One action the ladder owes a task. The same occurrence always has the same `occurrenceKey`. */
export interface DueLadderAction {
  ruleId: string;
  /**
   * Unique per rule and task: `${ruleId}:${deadline}`, `${ruleId}:${periodEnd}`,
   * `${ruleId}:${instructionId}`, `${ruleId}:${stalledSince}` or `${ruleId}:${assignedOn}`. Store it
   * with the task id under a unique index and the action fires exactly once.
   */
  occurrenceKey: string;
  action: LadderAction;
  recipients: LadderRecipient[];
  trigger: LadderTriggerKind;
  /** The day the action became due (always ≤ today). */
  dueOn: string;
  /** The date the trigger counts from: deadline, report due date, instruction due date, assignment or stall date. */
  anchorDate: string;
  /** Working days from `anchorDate` to today, for messages ("逾期 3 个工作日"); negative before a deadline. */
  workingDaysSinceAnchor: number;
}

/** Statuses in which a task is being worked on and the ladder applies; instruction rules also cover closure requests. */
const LADDER_STATUSES: ReadonlySet<TaskStatus> = new Set(['assigned', 'in_progress', 'returned']);

/** One occurrence a rule would produce, before checking whether it is due by today. */
interface Candidate {
  key: string;
  dueOn: string;
  anchorDate: string;
}

/**
 * The actions that enabled rules make due for one task on or before `today`, sorted by `dueOn`.
 * Every occurrence is returned on every sweep until the task no longer qualifies, so a sweep that
 * missed days (the server was down) still sees each occurrence, and storing them under their
 * occurrence keys makes each fire once. A new deadline (an approved extension), a new report
 * period, a new instruction or a new stall is a new occurrence. A pre-deadline reminder is
 * dropped once the deadline has passed: the overdue rungs take over.
 */
export function dueLadderActions(
  rules: readonly LadderRule[],
  facts: LadderFacts,
  today: string,
  calendar: WorkingCalendar,
): DueLadderAction[] {
  const isOpen = LADDER_STATUSES.has(facts.status);
  if (!isOpen && facts.status !== 'closure_requested') return [];
  const due: DueLadderAction[] = [];
  for (const ladderRule of rules) {
    if (!ladderRule.enabled) continue;
    const isInstructionRule = ladderRule.trigger.kind === 'instruction_unanswered';
    if (!isOpen && !isInstructionRule) continue;
    for (const candidate of candidatesOf(ladderRule, facts, today, calendar)) {
      if (candidate.dueOn > today) continue;
      due.push({
        ruleId: ladderRule.id,
        occurrenceKey: `${ladderRule.id}:${candidate.key}`,
        action: ladderRule.action,
        recipients: [...ladderRule.recipients],
        trigger: ladderRule.trigger.kind,
        dueOn: candidate.dueOn,
        anchorDate: candidate.anchorDate,
        workingDaysSinceAnchor: workingDaysBetween(calendar, candidate.anchorDate, today),
      });
    }
  }
  return due.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
}

/** The occurrences one rule produces for a task, whether or not they are due yet. */
function candidatesOf(rule: LadderRule, facts: LadderFacts, today: string, calendar: WorkingCalendar): Candidate[] {
  const { trigger } = rule;
  switch (trigger.kind) {
    case 'before_deadline': {
      if (facts.deadline === null || today > facts.deadline) return [];
      const reminderDay = subtractWorkingDays(calendar, facts.deadline, trigger.workingDays);
      // A task assigned inside the reminder window is reminded on its first day, not never.
      const dueOn = facts.assignedOn !== null && facts.assignedOn > reminderDay ? facts.assignedOn : reminderDay;
      return [{ key: facts.deadline, dueOn, anchorDate: facts.deadline }];
    }
    case 'after_deadline':
      if (facts.deadline === null) return [];
      return [afterGrace(calendar, facts.deadline, trigger.workingDays, facts.deadline)];
    case 'report_missing':
      return facts.missingReports.map((report) =>
        afterGrace(calendar, report.dueDate, trigger.workingDays, report.periodEnd),
      );
    case 'stalled':
      if (!facts.stalled || facts.stalledSince === null) return [];
      return [
        {
          key: facts.stalledSince,
          dueOn: nextWorkingDay(calendar, facts.stalledSince, { orSame: true }),
          anchorDate: facts.stalledSince,
        },
      ];
    case 'unacknowledged':
      if (facts.acknowledged || facts.assignedOn === null) return [];
      return [afterGrace(calendar, facts.assignedOn, trigger.workingDays, facts.assignedOn)];
    case 'instruction_unanswered':
      return facts.unansweredInstructions.map((instruction) =>
        afterGrace(calendar, instruction.dueDate, trigger.workingDays, instruction.id),
      );
  }
}

/** An "after" occurrence: `graceDays` whole working days after `anchorDate`, due on the next working day. */
function afterGrace(calendar: WorkingCalendar, anchorDate: string, graceDays: number, key: string): Candidate {
  return { key, dueOn: addWorkingDays(calendar, anchorDate, graceDays + 1), anchorDate };
}

/**
 * The working day `n` working days before `date`, so that `workingDaysBetween(result, date) === n`
 * when `date` is a working day; `n = 0` returns `date`. A deadline on a holiday counts back from
 * the last working day before it.
 */
function subtractWorkingDays(calendar: WorkingCalendar, date: string, n: number): string {
  if (n === 0) return date;
  let day = toDayNumber(date);
  for (let remaining = n; remaining > 0; ) {
    day -= 1;
    if (isWorkingDay(calendar, fromDayNumber(day))) remaining -= 1;
  }
  return fromDayNumber(day);
}

/** Why a rule cannot be saved; `field` names the offending part for the settings form. */
export interface LadderRuleProblem {
  index: number;
  ruleId: string;
  code: 'empty_id' | 'duplicate_id' | 'invalid_working_days' | 'no_recipients' | 'duplicate_recipient';
  field: 'id' | 'trigger.workingDays' | 'recipients';
}

/**
 * Checks a ladder before it is saved: every rule needs a unique, non-empty id (ids key the
 * occurrences already fired), a whole number of working days from 0 to the calendar's limit, and
 * at least one recipient, none listed twice. An empty list means the ladder is fine.
 */
export function validateLadderRules(rules: readonly LadderRule[]): LadderRuleProblem[] {
  const problems: LadderRuleProblem[] = [];
  const seenIds = new Set<string>();
  rules.forEach((ladderRule, index) => {
    const problem = (code: LadderRuleProblem['code'], field: LadderRuleProblem['field']) =>
      problems.push({ index, ruleId: ladderRule.id, code, field });
    if (ladderRule.id.trim() === '') problem('empty_id', 'id');
    else if (seenIds.has(ladderRule.id)) problem('duplicate_id', 'id');
    seenIds.add(ladderRule.id);
    const days = 'workingDays' in ladderRule.trigger ? ladderRule.trigger.workingDays : 0;
    if (!Number.isInteger(days) || days < 0 || days > CALENDAR_LIMITS.workingDaysMax) {
      problem('invalid_working_days', 'trigger.workingDays');
    }
    if (ladderRule.recipients.length === 0) problem('no_recipients', 'recipients');
    else if (new Set(ladderRule.recipients).size !== ladderRule.recipients.length) {
      problem('duplicate_recipient', 'recipients');
    }
  });
  return problems;
}
