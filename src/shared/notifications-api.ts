import { z } from 'zod';
import { ladderTriggerText } from './health-terms.js';
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
  'supervision.reminder',
  'supervision.urge',
  'supervision.notice',
  'supervision.interview_proposal',
  'supervision.accountability_proposal',
  'notice.responded',
  'notice.accepted',
  'notice.returned',
  'extension.pending_supervisor',
  'extension.pending_leader',
  'extension.approved',
  'extension.rejected',
  'coordination.requested',
  'coordination.accepted',
  'coordination.declined',
  'coordination.escalated',
  'coordination.resolved',
  'instruction.issued',
  'instruction.answered',
  'bulletin.issued',
  'rectification.signed_off',
  'rectification.returned',
  'case.to_spread',
  'accountability.opened',
  'accountability.statement',
  'accountability.decided',
  'digest.daily',
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
    'supervision.reminder': '提醒：{task}{message}',
    'supervision.urge': '催办：{task}{message}',
    'supervision.notice': '督办单 {number}：{task}，请于 {dueDate} 前书面回复。',
    'supervision.interview_proposal': '约谈建议：{task}{message}',
    'supervision.accountability_proposal': '问责建议：{task}{message}',
    'notice.responded': '督办单 {number}（{task}）已书面回复，待督查审核。',
    'notice.accepted': '督办单 {number}（{task}）的回复已通过。',
    'notice.returned': '督办单 {number}（{task}）的回复被退回：{reason}',
    'extension.pending_supervisor': '{task} 申请延期至 {date}，待督查审批。',
    'extension.pending_leader': '{task} 申请延期至 {date}，已经督查同意，待领导审批。',
    'extension.approved': '{task} 的延期申请已批准，新的完成时限为 {date}。',
    'extension.rejected': '{task} 的延期申请未获批准：{reason}',
    'coordination.requested': '{unit} 就 {task} 请求协调：{matter}（请于 {dueDate} 前答复）',
    'coordination.accepted': '{unit} 已接受 {task} 的协调请求，承诺 {date} 前完成。',
    'coordination.declined': '{unit} 未接受 {task} 的协调请求：{reason}',
    'coordination.escalated': '{task} 的协调事项经 {bounces} 次推转或逾期未答复，请领导协调：{matter}',
    'coordination.resolved': '领导已就 {task} 的协调事项作出决定：{reason}',
    'instruction.issued': '领导批示（{task}）：{body}，请于 {dueDate} 前报告落实情况。',
    'instruction.answered': '{task} 已就批示报告落实情况。',
    'bulletin.issued': '督查通报 {number}《{title}》已印发，请查阅。',
    'rectification.signed_off': '{task} 整改到位，已销号。',
    'rectification.returned': '{task} 的整改销号未获通过：{reason}',
    'case.to_spread': '典型经验“{title}”供学习推广，请结合实际借鉴并反馈采纳情况。',
    'accountability.opened': '问责记录 {number} 已立项，请于 {dueDate} 前作出情况说明。',
    'accountability.statement': '问责对象已就记录 {number} 作出情况说明。',
    'accountability.decided': '问责记录 {number} 已作出处理决定，请查阅。',
    'digest.daily': '每日督查摘要',
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
    'supervision.reminder': '提醒：{task}{message}',
    'supervision.urge': '催辦：{task}{message}',
    'supervision.notice': '督辦單 {number}：{task}，請於 {dueDate} 前書面回覆。',
    'supervision.interview_proposal': '約談建議：{task}{message}',
    'supervision.accountability_proposal': '問責建議：{task}{message}',
    'notice.responded': '督辦單 {number}（{task}）已書面回覆，待督查審核。',
    'notice.accepted': '督辦單 {number}（{task}）的回覆已通過。',
    'notice.returned': '督辦單 {number}（{task}）的回覆被退回：{reason}',
    'extension.pending_supervisor': '{task} 申請延期至 {date}，待督查審批。',
    'extension.pending_leader': '{task} 申請延期至 {date}，已經督查同意，待領導審批。',
    'extension.approved': '{task} 的延期申請已批准，新的完成時限為 {date}。',
    'extension.rejected': '{task} 的延期申請未獲批准：{reason}',
    'coordination.requested': '{unit} 就 {task} 請求協調：{matter}（請於 {dueDate} 前答覆）',
    'coordination.accepted': '{unit} 已接受 {task} 的協調請求，承諾 {date} 前完成。',
    'coordination.declined': '{unit} 未接受 {task} 的協調請求：{reason}',
    'coordination.escalated': '{task} 的協調事項經 {bounces} 次推轉或逾期未答覆，請領導協調：{matter}',
    'coordination.resolved': '領導已就 {task} 的協調事項作出決定：{reason}',
    'instruction.issued': '領導批示（{task}）：{body}，請於 {dueDate} 前報告落實情況。',
    'instruction.answered': '{task} 已就批示報告落實情況。',
    'bulletin.issued': '督查通報 {number}《{title}》已印發，請查閱。',
    'rectification.signed_off': '{task} 整改到位，已銷號。',
    'rectification.returned': '{task} 的整改銷號未獲通過：{reason}',
    'case.to_spread': '典型經驗「{title}」供學習推廣，請結合實際借鑑並回報採納情況。',
    'accountability.opened': '問責記錄 {number} 已立案，請於 {dueDate} 前作出情況說明。',
    'accountability.statement': '問責對象已就記錄 {number} 作出情況說明。',
    'accountability.decided': '問責記錄 {number} 已作出處理決定，請查閱。',
    'digest.daily': '每日督查摘要',
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
    'supervision.reminder': 'Reminder: {task}{message}',
    'supervision.urge': 'Urge (催办): {task}{message}',
    'supervision.notice': 'Supervision notice {number} on {task}: a written response is due by {dueDate}.',
    'supervision.interview_proposal': 'Interview proposed (约谈): {task}{message}',
    'supervision.accountability_proposal': 'Accountability proposed (问责): {task}{message}',
    'notice.responded': 'Supervision notice {number} on {task} was answered and waits for review.',
    'notice.accepted': 'The response to supervision notice {number} on {task} was accepted.',
    'notice.returned': 'The response to supervision notice {number} on {task} was returned: {reason}',
    'extension.pending_supervisor': '{task} asks for an extension to {date} and waits for the supervision office.',
    'extension.pending_leader':
      '{task} asks for an extension to {date}; the supervision office agreed and a leader must approve.',
    'extension.approved': 'The extension for {task} was approved: the new deadline is {date}.',
    'extension.rejected': 'The extension for {task} was not approved: {reason}',
    'coordination.requested': '{unit} asks for coordination on {task}: {matter} (answer by {dueDate}).',
    'coordination.accepted': '{unit} accepted the coordination request on {task} and commits to {date}.',
    'coordination.declined': '{unit} declined the coordination request on {task}: {reason}',
    'coordination.escalated':
      'The coordination request on {task} was bounced {bounces} times or went unanswered; a leader is asked to settle it: {matter}',
    'coordination.resolved': 'A leader decided the coordination matter on {task}: {reason}',
    'instruction.issued': 'Leader instruction on {task}: {body}. Report what was done by {dueDate}.',
    'instruction.answered': '{task}: the unit reported on the instruction.',
    'bulletin.issued': 'Bulletin {number} "{title}" has been issued.',
    'rectification.signed_off': '{task}: rectification signed off.',
    'rectification.returned': '{task}: rectification not signed off: {reason}',
    'case.to_spread': 'Practice to spread: "{title}". Consider it and report whether your unit adopts it.',
    'accountability.opened': 'Accountability record {number} is open: give your statement by {dueDate}.',
    'accountability.statement': 'The subject of accountability record {number} has given a statement.',
    'accountability.decided': 'A decision has been made on accountability record {number}.',
    'digest.daily': 'Daily supervision digest',
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
    if (name === 'message') return messageText(locale, notification.params);
    const value = notification.params[name];
    return value === undefined || value === null ? '' : String(value);
  });
}

/**
 * `{message}` of a supervision notification: the ladder's reason in the reader's language (params
 * `trigger` and `workingDays`), or the supervisor's own words (`message`) after a colon.
 */
function messageText(locale: Locale, params: Record<string, unknown>): string {
  if (typeof params.trigger === 'string') {
    return ladderTriggerText(params.trigger, Number(params.workingDays ?? 0), locale);
  }
  const message = typeof params.message === 'string' ? params.message.trim() : '';
  if (!message) return '';
  return locale === 'en' ? `: ${message}` : `：${message}`;
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
