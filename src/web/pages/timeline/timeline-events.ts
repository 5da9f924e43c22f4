import type { TaskEvent } from '../../../shared/task-api.js';
import { TASK_ACTIONS } from '../../../shared/tasks.js';

// What the task timeline knows about each entry the server records on a task (task_events):
// its kind (for the filter and the icon), its colour and the key of its words. The names are the
// ones the services record: tasks (create, update, move, delete, part, progress and the status
// actions), plans (plan_*), reports (report_*), files (file_*), closure (closure.<step>) and
// supervision (ladder_*, urges, notices, extensions, coordination, instructions).

/** The kinds of entries, in the order the filter offers them. */
export const TIMELINE_KINDS = ['status', 'plan', 'report', 'file', 'closure', 'supervision', 'task'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** Every entry name the server records, with its kind and colour. */
export const TIMELINE_ACTIONS = {
  create: { kind: 'task', color: 'blue' },
  update: { kind: 'task', color: 'gray' },
  move: { kind: 'task', color: 'gray' },
  delete: { kind: 'task', color: 'red' },
  part: { kind: 'task', color: 'gray' },
  assign: { kind: 'status', color: 'blue' },
  acknowledge: { kind: 'status', color: 'green' },
  request_closure: { kind: 'status', color: 'purple' },
  close: { kind: 'status', color: 'green' },
  return: { kind: 'status', color: 'orange' },
  suspend: { kind: 'status', color: 'gray' },
  resume: { kind: 'status', color: 'blue' },
  cancel: { kind: 'status', color: 'red' },
  reopen: { kind: 'status', color: 'orange' },
  plan_submitted: { kind: 'plan', color: 'blue' },
  plan_approved: { kind: 'plan', color: 'cyan' },
  plan_returned: { kind: 'plan', color: 'red' },
  plan_accepted: { kind: 'plan', color: 'green' },
  plan_revised: { kind: 'plan', color: 'purple' },
  report_cycle: { kind: 'report', color: 'gray' },
  report_submitted: { kind: 'report', color: 'blue' },
  report_approved: { kind: 'report', color: 'cyan' },
  report_returned: { kind: 'report', color: 'red' },
  report_accepted: { kind: 'report', color: 'green' },
  report_part_accepted: { kind: 'report', color: 'green' },
  progress: { kind: 'report', color: 'blue' },
  file_uploaded: { kind: 'file', color: 'gray' },
  file_deleted: { kind: 'file', color: 'gray' },
  'closure.submit': { kind: 'closure', color: 'blue' },
  'closure.approve': { kind: 'closure', color: 'cyan' },
  'closure.return': { kind: 'closure', color: 'red' },
  'closure.accept': { kind: 'closure', color: 'green' },
  'closure.confirm': { kind: 'closure', color: 'green' },
  extension_requested: { kind: 'supervision', color: 'blue' },
  extension_forwarded: { kind: 'supervision', color: 'cyan' },
  extension_approved: { kind: 'supervision', color: 'green' },
  extension_rejected: { kind: 'supervision', color: 'red' },
  extension_withdrawn: { kind: 'supervision', color: 'gray' },
  instruction_issued: { kind: 'supervision', color: 'purple' },
  instruction_answered: { kind: 'supervision', color: 'green' },
  coordination_requested: { kind: 'supervision', color: 'blue' },
  coordination_accepted: { kind: 'supervision', color: 'cyan' },
  coordination_declined: { kind: 'supervision', color: 'orange' },
  coordination_passed_on: { kind: 'supervision', color: 'orange' },
  coordination_escalated: { kind: 'supervision', color: 'red' },
  coordination_fulfilled: { kind: 'supervision', color: 'green' },
  coordination_withdrawn: { kind: 'supervision', color: 'gray' },
  coordination_resent: { kind: 'supervision', color: 'blue' },
  coordination_resolved: { kind: 'supervision', color: 'purple' },
  notice_issued: { kind: 'supervision', color: 'red' },
  notice_responded: { kind: 'supervision', color: 'blue' },
  notice_accepted: { kind: 'supervision', color: 'green' },
  notice_returned: { kind: 'supervision', color: 'orange' },
  urged: { kind: 'supervision', color: 'orange' },
  reminded: { kind: 'supervision', color: 'blue' },
  ladder_reminder: { kind: 'supervision', color: 'blue' },
  ladder_urge: { kind: 'supervision', color: 'orange' },
  ladder_notice: { kind: 'supervision', color: 'red' },
  ladder_interview_proposal: { kind: 'supervision', color: 'red' },
  ladder_accountability_proposal: { kind: 'supervision', color: 'magenta' },
} as const satisfies Record<string, { kind: TimelineKind; color: string }>;

export type TimelineAction = keyof typeof TIMELINE_ACTIONS;

/** The key of an entry name's words under `timeline.actions` (i18n keys cannot hold dots). */
export type TimelineActionKey = TimelineAction extends infer A
  ? A extends `${infer Head}.${infer Tail}`
    ? `${Head}_${Tail}`
    : A
  : never;

export function isTimelineAction(action: string): action is TimelineAction {
  return Object.hasOwn(TIMELINE_ACTIONS, action);
}

export function timelineActionKey(action: TimelineAction): TimelineActionKey {
  return action.replace('.', '_') as TimelineActionKey;
}

/** An entry's kind; names this UI does not know yet count as task changes. */
export function timelineKind(action: string): TimelineKind {
  return isTimelineAction(action) ? TIMELINE_ACTIONS[action].kind : 'task';
}

export function timelineColor(action: string): string {
  return isTimelineAction(action) ? TIMELINE_ACTIONS[action].color : 'gray';
}

/** True for the task's own status actions (they carry a from → to status). */
export function isStatusAction(action: string): boolean {
  return (TASK_ACTIONS as readonly string[]).includes(action);
}

/** The entries of the chosen kinds (all when none is chosen), oldest or newest first. */
export function timelineEntries(
  events: readonly TaskEvent[],
  options: { kinds?: readonly TimelineKind[]; newestFirst: boolean },
): TaskEvent[] {
  const kinds = options.kinds?.length ? new Set(options.kinds) : null;
  const chosen = events.filter((event) => !kinds || kinds.has(timelineKind(event.action)));
  const direction = options.newestFirst ? -1 : 1;
  return chosen.sort((a, b) => direction * (a.at.localeCompare(b.at) || a.id - b.id));
}

/** How many entries of each kind there are (for the filter's counts). */
export function countByKind(events: readonly TaskEvent[]): Record<TimelineKind, number> {
  const counts = Object.fromEntries(TIMELINE_KINDS.map((kind) => [kind, 0])) as Record<TimelineKind, number>;
  for (const event of events) counts[timelineKind(event.action)] += 1;
  return counts;
}
