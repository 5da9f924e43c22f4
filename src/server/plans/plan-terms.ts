import type { Locale } from '../../shared/locales.js';
import type { PlanAction, PlanStatus } from '../../shared/plans-api.js';

// Words for plan statuses, actions and content problems in server messages (the web has its own).

const STATUS_NAMES: Record<Locale, Record<PlanStatus, string>> = {
  'zh-CN': {
    draft: '草稿',
    pending_head: '待单位负责人审核',
    pending_supervisor: '待督查审核',
    accepted: '已通过',
    returned: '已退回',
    superseded: '已被新版本取代',
  },
  'zh-TW': {
    draft: '草稿',
    pending_head: '待單位負責人審核',
    pending_supervisor: '待督查審核',
    accepted: '已通過',
    returned: '已退回',
    superseded: '已被新版本取代',
  },
  en: {
    draft: 'draft',
    pending_head: 'waiting for the unit head',
    pending_supervisor: 'waiting for supervision review',
    accepted: 'accepted',
    returned: 'returned',
    superseded: 'superseded',
  },
};

const ACTION_NAMES: Record<Locale, Record<PlanAction, string>> = {
  'zh-CN': { submit: '提交', approve: '审核同意', return: '退回', accept: '审核通过', revise: '修订' },
  'zh-TW': { submit: '提交', approve: '審核同意', return: '退回', accept: '審核通過', revise: '修訂' },
  en: { submit: 'submit', approve: 'approve', return: 'return', accept: 'accept', revise: 'revise' },
};

/** A plan status in words. */
export function planStatusName(locale: Locale, status: PlanStatus): string {
  return STATUS_NAMES[locale][status];
}

/** Plan actions in words, as a list ("—" when there are none). */
export function planActionNames(locale: Locale, actions: readonly PlanAction[]): string {
  if (actions.length === 0) return '—';
  return actions.map((action) => ACTION_NAMES[locale][action]).join(locale === 'en' ? ', ' : '、');
}

/** What can be wrong with a plan's content beyond its shape. */
export type PlanIssueKey =
  | 'duplicateId'
  | 'afterDeadline'
  | 'unitNotOnTask'
  | 'endBeforeStart'
  | 'duplicateQuarter'
  | 'progressDecreasing'
  | 'milestonesRequired';

const ISSUE_TEXTS: Record<Locale, Record<PlanIssueKey, string>> = {
  'zh-CN': {
    duplicateId: '编号与其他项重复',
    afterDeadline: '晚于任务办结时限 {deadline}',
    unitNotOnTask: '不是本任务的牵头或配合单位',
    endBeforeStart: '早于开始日期',
    duplicateQuarter: '季度重复',
    progressDecreasing: '不能低于前一季度的 {previous}%',
    milestonesRequired: '按时间节点计算进度时至少需要一个时间节点',
  },
  'zh-TW': {
    duplicateId: '編號與其他項重複',
    afterDeadline: '晚於任務辦結時限 {deadline}',
    unitNotOnTask: '不是本任務的牽頭或配合單位',
    endBeforeStart: '早於開始日期',
    duplicateQuarter: '季度重複',
    progressDecreasing: '不能低於前一季度的 {previous}%',
    milestonesRequired: '按時間節點計算進度時至少需要一個時間節點',
  },
  en: {
    duplicateId: 'repeats the id of another item',
    afterDeadline: "is after the task's deadline {deadline}",
    unitNotOnTask: 'is not a unit of this task',
    endBeforeStart: 'is before the start date',
    duplicateQuarter: 'repeats a quarter',
    progressDecreasing: "is lower than the previous quarter's {previous}%",
    milestonesRequired: 'needs at least one milestone when progress is counted by milestones',
  },
};

/** One content problem in words. */
export function planIssueText(locale: Locale, key: PlanIssueKey, params: Record<string, string | number>): string {
  return ISSUE_TEXTS[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
