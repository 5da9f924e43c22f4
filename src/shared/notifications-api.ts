import { z } from 'zod';
import type { Locale } from './locales.js';

// The notifications inbox API (issue 4 item 9): the kinds of notification, their display texts in
// the three languages, and the request and answer shapes shared by the server and the web.

/**
 * Every kind of notification. Plans, reports and closure applications share the review flow's
 * words: `pending_head` (submitted, waiting for the unit head), `pending_supervisor` (approved,
 * waiting for the supervision office), `accepted`, `returned` (with a reason).
 */
export const NOTIFICATION_KINDS = [
  'task.assigned',
  'plan.pending_head',
  'plan.pending_supervisor',
  'plan.accepted',
  'plan.returned',
  'report.due',
  'report.missing',
  'report.pending_head',
  'report.pending_supervisor',
  'report.accepted',
  'report.returned',
  'closure.pending_head',
  'closure.pending_supervisor',
  'closure.pending_leader',
  'closure.accepted',
  'closure.returned',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Display texts. `{task}` is the task's number and title (or "a task" when the reader can no longer
 * see it); other `{names}` come from the notification's params: `reason` (returns), `period`
 * (reports), `dueDate` (reports due).
 */
export const NOTIFICATION_TEXTS: Record<Locale, Record<NotificationKind, string>> = {
  'zh-CN': {
    'task.assigned': '新交办任务：{task}，请及时签收。',
    'plan.pending_head': '{task} 的办理方案已提交，待单位负责人审核。',
    'plan.pending_supervisor': '{task} 的办理方案已经单位审核，待督查审核。',
    'plan.accepted': '{task} 的办理方案已通过审核。',
    'plan.returned': '{task} 的办理方案被退回：{reason}',
    'report.due': '{task} 的{period}进展反馈应于 {dueDate} 前报送。',
    'report.missing': '{task} 的{period}进展反馈逾期未报。',
    'report.pending_head': '{task} 的{period}进展反馈已提交，待单位负责人审核。',
    'report.pending_supervisor': '{task} 的{period}进展反馈已经单位审核，待督查审核。',
    'report.accepted': '{task} 的{period}进展反馈已通过审核。',
    'report.returned': '{task} 的{period}进展反馈被退回：{reason}',
    'closure.pending_head': '{task} 的办结申请已提交，待单位负责人审核。',
    'closure.pending_supervisor': '{task} 申请办结，待督查审核。',
    'closure.pending_leader': '{task} 的办结申请已经督查审核，待领导确认。',
    'closure.accepted': '{task} 已办结。',
    'closure.returned': '{task} 的办结申请被退回：{reason}',
  },
  'zh-TW': {
    'task.assigned': '新交辦任務：{task}，請及時簽收。',
    'plan.pending_head': '{task} 的辦理方案已提交，待單位負責人審核。',
    'plan.pending_supervisor': '{task} 的辦理方案已經單位審核，待督查審核。',
    'plan.accepted': '{task} 的辦理方案已通過審核。',
    'plan.returned': '{task} 的辦理方案被退回：{reason}',
    'report.due': '{task} 的{period}進展回饋應於 {dueDate} 前報送。',
    'report.missing': '{task} 的{period}進展回饋逾期未報。',
    'report.pending_head': '{task} 的{period}進展回饋已提交，待單位負責人審核。',
    'report.pending_supervisor': '{task} 的{period}進展回饋已經單位審核，待督查審核。',
    'report.accepted': '{task} 的{period}進展回饋已通過審核。',
    'report.returned': '{task} 的{period}進展回饋被退回：{reason}',
    'closure.pending_head': '{task} 的辦結申請已提交，待單位負責人審核。',
    'closure.pending_supervisor': '{task} 申請辦結，待督查審核。',
    'closure.pending_leader': '{task} 的辦結申請已經督查審核，待領導確認。',
    'closure.accepted': '{task} 已辦結。',
    'closure.returned': '{task} 的辦結申請被退回：{reason}',
  },
  en: {
    'task.assigned': 'New task assigned: {task}. Please acknowledge it.',
    'plan.pending_head': 'The plan for {task} was submitted and waits for the unit head.',
    'plan.pending_supervisor': 'The plan for {task} was approved by its unit and waits for supervision review.',
    'plan.accepted': 'The plan for {task} was accepted.',
    'plan.returned': 'The plan for {task} was returned: {reason}',
    'report.due': 'The {period} progress report for {task} is due by {dueDate}.',
    'report.missing': 'The {period} progress report for {task} is missing.',
    'report.pending_head': 'The {period} progress report for {task} was submitted and waits for the unit head.',
    'report.pending_supervisor':
      'The {period} progress report for {task} was approved by its unit and waits for supervision review.',
    'report.accepted': 'The {period} progress report for {task} was accepted.',
    'report.returned': 'The {period} progress report for {task} was returned: {reason}',
    'closure.pending_head': 'The closure application for {task} was submitted and waits for the unit head.',
    'closure.pending_supervisor': '{task} applies for closure and waits for supervision review.',
    'closure.pending_leader': 'The closure application for {task} was reviewed and waits for a leader to confirm.',
    'closure.accepted': '{task} is closed.',
    'closure.returned': 'The closure application for {task} was returned: {reason}',
  },
};

/** What `{task}` reads as when the reader can no longer see the task. */
const SOME_TASK: Record<Locale, string> = { 'zh-CN': '一项任务', 'zh-TW': '一項任務', en: 'a task' };

/**
 * The text of one notification in a language: `{task}` from the task (when given), the other
 * placeholders from params (a missing one becomes empty, never a raw `{name}`).
 */
export function notificationText(
  locale: Locale,
  notification: { kind: NotificationKind; params: Record<string, unknown>; task?: { number: string; title: string } },
): string {
  const task = notification.task ? `${notification.task.number}「${notification.task.title}」` : SOME_TASK[locale];
  return NOTIFICATION_TEXTS[locale][notification.kind].replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === 'task') return task;
    const value = notification.params[name];
    return value === undefined || value === null ? '' : String(value);
  });
}

export const notificationSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(NOTIFICATION_KINDS),
    taskId: z.number().int().nullable(),
    /** Present only while the reader may still see the task. */
    taskNumber: z.string().optional(),
    taskTitle: z.string().optional(),
    subjectType: z.string().nullable(),
    subjectId: z.number().int().nullable(),
    params: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .describe('Notification (通知)');
export type NotificationView = z.infer<typeof notificationSchema>;

export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  nextCursor: z.string().nullable(),
});

export const unreadCountSchema = z.object({ unread: z.number().int() });

/** Marks some of my notifications read (`ids`), or all of them (`all: true`); one of the two. */
export const markReadBody = z
  .strictObject({
    ids: z.array(z.number().int().positive().max(2147483647)).min(1).max(500).optional(),
    all: z.literal(true).optional(),
  })
  .refine((body) => (body.ids === undefined) !== (body.all === undefined), {
    message: 'ids or all',
    path: ['ids'],
  });

export const markReadResultSchema = z.object({ updated: z.number().int(), unread: z.number().int() });
