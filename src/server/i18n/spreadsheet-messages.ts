import type { Locale } from '../../shared/locales.js';
import type { ErrorCode } from '../../shared/problem.js';
import type { SpreadsheetProblemCode } from '../../shared/spreadsheet-api.js';
import { errorDetail } from './messages.js';

// The sentences of a spreadsheet import's validation report, per language. They are problems of
// one row and column, not API error codes: the whole answer is one `spreadsheet_invalid` error
// listing them. `{name}` is filled from the problem's params.

type Params = Record<string, string | number>;

const PROBLEMS: Record<Locale, Record<SpreadsheetProblemCode, string>> = {
  'zh-CN': {
    header_missing: '找不到表头：第一个工作表的前 10 行中须有“{columns}”列。',
    sheet_empty: '表格中没有任务行。',
    too_many_rows: '表格超过 {max} 行，请拆分后分别导入。',
    number_missing: '序号不能为空。',
    number_invalid: '序号“{value}”格式不对，应为 1、1.1、1.2.1 这样的数字。',
    number_duplicate: '序号“{number}”与第 {first} 行重复。',
    parent_missing: '找不到上级序号“{parent}”：请先填写序号为 {parent} 的任务。',
    title_missing: '任务不能为空。',
    title_too_long: '任务超过 {max} 字。',
    unit_unknown: '系统中没有名称、简称或别名为“{name}”的单位。',
    unit_ambiguous: '“{name}”对应 {count} 个单位，请填写单位全称。',
    lead_required: '交办的任务须填写牵头单位。',
    leader_unknown: '系统中没有名为“{name}”的在职领导。',
    leader_ambiguous: '有 {count} 位领导都叫“{name}”，无法确定是哪一位。',
    date_unrecognised: '无法识别时限“{value}”，可填写 2026-06-30、2026年6月30日或 2026年6月底前。',
    date_impossible: '时限“{value}”不是真实存在的日期。',
    deadline_after_parent: '时限 {deadline} 晚于上级任务（序号 {parent}）的时限 {parentDeadline}。',
    remarks_too_long: '备注超过 {max} 字。',
    task_rule: '{message}',
  },
  'zh-TW': {
    header_missing: '找不到表頭：第一個工作表的前 10 列中須有「{columns}」欄。',
    sheet_empty: '表格中沒有任務列。',
    too_many_rows: '表格超過 {max} 列，請拆分後分別匯入。',
    number_missing: '序號不能為空。',
    number_invalid: '序號「{value}」格式不對，應為 1、1.1、1.2.1 這樣的數字。',
    number_duplicate: '序號「{number}」與第 {first} 列重複。',
    parent_missing: '找不到上級序號「{parent}」：請先填寫序號為 {parent} 的任務。',
    title_missing: '任務不能為空。',
    title_too_long: '任務超過 {max} 字。',
    unit_unknown: '系統中沒有名稱、簡稱或別名為「{name}」的單位。',
    unit_ambiguous: '「{name}」對應 {count} 個單位，請填寫單位全稱。',
    lead_required: '交辦的任務須填寫牽頭單位。',
    leader_unknown: '系統中沒有名為「{name}」的在職領導。',
    leader_ambiguous: '有 {count} 位領導都叫「{name}」，無法確定是哪一位。',
    date_unrecognised: '無法識別時限「{value}」，可填寫 2026-06-30、2026年6月30日或 2026年6月底前。',
    date_impossible: '時限「{value}」不是真實存在的日期。',
    deadline_after_parent: '時限 {deadline} 晚於上級任務（序號 {parent}）的時限 {parentDeadline}。',
    remarks_too_long: '備註超過 {max} 字。',
    task_rule: '{message}',
  },
  en: {
    header_missing: 'No header found: the first tab needs the columns "{columns}" in its first 10 rows.',
    sheet_empty: 'The sheet has no task rows.',
    too_many_rows: 'The sheet has more than {max} rows: split it and import the parts.',
    number_missing: 'The number is empty.',
    number_invalid: 'The number "{value}" should look like 1, 1.1 or 1.2.1.',
    number_duplicate: 'The number "{number}" is also on row {first}.',
    parent_missing: 'There is no parent number "{parent}": add the task numbered {parent}.',
    title_missing: 'The task is empty.',
    title_too_long: 'The task is longer than {max} characters.',
    unit_unknown: 'No unit has the name, short name or alias "{name}".',
    unit_ambiguous: '"{name}" matches {count} units: use the full name.',
    lead_required: 'A task to be assigned needs a lead unit.',
    leader_unknown: 'No active leader is called "{name}".',
    leader_ambiguous: '{count} leaders are called "{name}": it is unclear which one.',
    date_unrecognised: 'The deadline "{value}" is not understood: write 2026-06-30, 2026年6月30日 or 2026年6月底前.',
    date_impossible: 'The deadline "{value}" is not a real date.',
    deadline_after_parent:
      'The deadline {deadline} is after the deadline {parentDeadline} of its parent (No. {parent}).',
    remarks_too_long: 'The remarks are longer than {max} characters.',
    task_rule: '{message}',
  },
};

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/**
 * One problem in the caller's language. A `task_rule` problem carries the task rule's own error
 * code (`rule`) and params, and reads as that error's message.
 */
export function spreadsheetProblemDetail(locale: Locale, code: SpreadsheetProblemCode, params: Params): string {
  if (code === 'task_rule' && typeof params.rule === 'string') {
    return errorDetail(locale, params.rule as ErrorCode, params);
  }
  return fill(PROBLEMS[locale][code], params);
}
