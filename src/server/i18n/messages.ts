import type { Locale } from '../../shared/locales.js';
import type { ErrorCode } from '../../shared/problem.js';
import { actionNames, statusName } from './task-terms.js';

type Params = Record<string, string | number>;
type Catalogue = Record<ErrorCode, string>;

/** The `detail` of each error code, per language. `{name}` is filled from the error's params. */
const ERROR_DETAILS: Record<Locale, Catalogue> = {
  'zh-CN': {
    validation_failed: '提交的内容有误：{summary}',
    invalid_json: '请求内容不是有效的 JSON。',
    payload_too_large: '请求内容过大，上限为 {limit} 字节。',
    unsupported_media_type: '不支持的内容类型，请使用 application/json。',
    unauthenticated: '请先登录。',
    invalid_credentials: '用户名或密码不正确。',
    too_many_attempts: '登录失败次数过多，请 {minutes} 分钟后再试。',
    forbidden: '您没有执行此操作的权限。',
    csrf_rejected: '请求来自其他站点，已拒绝。',
    not_found: '找不到该{object}。',
    route_not_found: '没有这个接口：{method} {url}',
    version_conflict: '该{object}已被他人修改，请刷新后重试。',
    username_taken: '用户名“{username}”已被使用。',
    unit_name_taken: '同一上级单位下已有名为“{name}”的单位。',
    unit_move_cycle: '不能把单位移动到它自己或它的下级单位之下。',
    unit_archived: '单位“{name}”已归档，不能使用。',
    unit_has_active_children: '该单位还有未归档的下级单位，请先处理下级单位。',
    unit_not_found: '找不到编号为 {id} 的单位。',
    cannot_deactivate_self: '不能停用自己的账号。',
    last_admin: '这是最后一个有效的系统管理员，不能停用或取消其管理员角色。',
    wrong_password: '当前密码不正确。',
    source_in_use: '该来源已有 {count} 项任务引用，不能删除。',
    illegal_transition: '当前状态“{status}”下不能执行“{action}”。可执行的操作：{allowed}。',
    reason_required: '请填写理由。',
    deadline_after_parent: '办结时限 {deadline} 晚于上级任务的时限 {parentDeadline}。',
    deadline_before_subtasks: '有下级任务的时限晚于 {deadline}（最晚 {latest}），请先调整下级任务。',
    task_move_cycle: '不能把任务移动到它自己或它的下级任务之下。',
    responsible_person_not_in_unit: '责任人必须是牵头单位的人员。',
    responsible_leader_invalid: '责任领导必须是具有领导角色的有效用户。',
    task_not_leaf: '该任务有下级任务，进度由下级任务汇总，不能直接填写。',
    task_not_draft: '只有草稿状态的任务可以删除。',
    lead_unit_required: '交办前必须指定牵头单位。',
    source_not_found: '找不到编号为 {id} 的来源。',
    bulk_item_failed: '批量操作未执行：任务 {number}：{reason}',
    invalid_cursor: '分页游标无效，请从第一页重新开始。',
    start_after_deadline: '开始日期 {startDate} 晚于办结时限 {deadline}。',
    cooperating_unit_is_lead: '牵头单位不能同时作为配合单位。',
    calendar_day_not_found: '{date} 没有单独设置的节假日或调休上班日，无需删除。',
    calendar_file_invalid: '日历文件第 {line} 行附近的日程无法读取：请检查日期（DTSTART/DTEND）是否正确。',
    calendar_file_empty: '文件中没有可导入的全天日程，请选择 iCalendar（.ics）格式的节假日日历。',
    internal_error: '服务器出错了，请稍后再试（请求编号 {requestId}）。',
  },
  'zh-TW': {
    validation_failed: '提交的內容有誤：{summary}',
    invalid_json: '請求內容不是有效的 JSON。',
    payload_too_large: '請求內容過大，上限為 {limit} 位元組。',
    unsupported_media_type: '不支援的內容類型，請使用 application/json。',
    unauthenticated: '請先登入。',
    invalid_credentials: '使用者名稱或密碼不正確。',
    too_many_attempts: '登入失敗次數過多，請 {minutes} 分鐘後再試。',
    forbidden: '您沒有執行此操作的權限。',
    csrf_rejected: '請求來自其他網站，已拒絕。',
    not_found: '找不到該{object}。',
    route_not_found: '沒有這個介面：{method} {url}',
    version_conflict: '該{object}已被他人修改，請重新整理後再試。',
    username_taken: '使用者名稱「{username}」已被使用。',
    unit_name_taken: '同一上級單位下已有名為「{name}」的單位。',
    unit_move_cycle: '不能把單位移動到它自己或它的下級單位之下。',
    unit_archived: '單位「{name}」已封存，不能使用。',
    unit_has_active_children: '該單位還有未封存的下級單位，請先處理下級單位。',
    unit_not_found: '找不到編號為 {id} 的單位。',
    cannot_deactivate_self: '不能停用自己的帳號。',
    last_admin: '這是最後一個有效的系統管理員，不能停用或取消其管理員角色。',
    wrong_password: '目前密碼不正確。',
    source_in_use: '該來源已有 {count} 項任務引用，不能刪除。',
    illegal_transition: '目前狀態「{status}」下不能執行「{action}」。可執行的操作：{allowed}。',
    reason_required: '請填寫理由。',
    deadline_after_parent: '辦結時限 {deadline} 晚於上級任務的時限 {parentDeadline}。',
    deadline_before_subtasks: '有下級任務的時限晚於 {deadline}（最晚 {latest}），請先調整下級任務。',
    task_move_cycle: '不能把任務移動到它自己或它的下級任務之下。',
    responsible_person_not_in_unit: '責任人必須是牽頭單位的人員。',
    responsible_leader_invalid: '責任領導必須是具有領導角色的有效使用者。',
    task_not_leaf: '該任務有下級任務，進度由下級任務彙總，不能直接填寫。',
    task_not_draft: '只有草稿狀態的任務可以刪除。',
    lead_unit_required: '交辦前必須指定牽頭單位。',
    source_not_found: '找不到編號為 {id} 的來源。',
    bulk_item_failed: '批次操作未執行：任務 {number}：{reason}',
    invalid_cursor: '分頁游標無效，請從第一頁重新開始。',
    start_after_deadline: '開始日期 {startDate} 晚於辦結時限 {deadline}。',
    cooperating_unit_is_lead: '牽頭單位不能同時作為配合單位。',
    calendar_day_not_found: '{date} 沒有單獨設定的節假日或調休上班日，無需刪除。',
    calendar_file_invalid: '日曆檔案第 {line} 行附近的行程無法讀取：請檢查日期（DTSTART/DTEND）是否正確。',
    calendar_file_empty: '檔案中沒有可匯入的全天行程，請選擇 iCalendar（.ics）格式的節假日日曆。',
    internal_error: '伺服器出錯了，請稍後再試（請求編號 {requestId}）。',
  },
  en: {
    validation_failed: 'The request has errors: {summary}',
    invalid_json: 'The request body is not valid JSON.',
    payload_too_large: 'The request body is too large; the limit is {limit} bytes.',
    unsupported_media_type: 'Unsupported content type; send application/json.',
    unauthenticated: 'Please sign in first.',
    invalid_credentials: 'The username or password is incorrect.',
    too_many_attempts: 'Too many failed sign-in attempts. Try again in {minutes} minutes.',
    forbidden: 'You do not have permission to do this.',
    csrf_rejected: 'The request came from another site and was refused.',
    not_found: 'That {object} was not found.',
    route_not_found: 'There is no such endpoint: {method} {url}',
    version_conflict: 'Someone else changed this {object}. Reload and try again.',
    username_taken: 'The username "{username}" is already taken.',
    unit_name_taken: 'A unit named "{name}" already exists under the same parent.',
    unit_move_cycle: 'A unit cannot be moved under itself or one of its own sub-units.',
    unit_archived: 'The unit "{name}" is archived and cannot be used.',
    unit_has_active_children: 'This unit still has sub-units that are not archived; deal with them first.',
    unit_not_found: 'There is no unit with id {id}.',
    cannot_deactivate_self: 'You cannot deactivate your own account.',
    last_admin: 'This is the last active administrator; it cannot be deactivated or lose the admin role.',
    wrong_password: 'The current password is incorrect.',
    source_in_use: 'This source is used by {count} tasks and cannot be deleted.',
    illegal_transition: '"{action}" is not possible while the task is "{status}". Possible now: {allowed}.',
    reason_required: 'Please give a reason.',
    deadline_after_parent: "The deadline {deadline} is later than the parent task's deadline {parentDeadline}.",
    deadline_before_subtasks: 'Some subtasks are due after {deadline} (latest {latest}); change them first.',
    task_move_cycle: 'A task cannot be moved under itself or one of its own subtasks.',
    responsible_person_not_in_unit: 'The responsible person must belong to the lead unit.',
    responsible_leader_invalid: 'The responsible leader must be an active user with the leader role.',
    task_not_leaf: 'This task has subtasks; its progress is rolled up from them and cannot be set directly.',
    task_not_draft: 'Only draft tasks can be deleted.',
    lead_unit_required: 'A lead unit is needed before the task can be assigned.',
    source_not_found: 'There is no source with id {id}.',
    bulk_item_failed: 'Nothing was changed: task {number}: {reason}',
    invalid_cursor: 'The page cursor is invalid; start again from the first page.',
    start_after_deadline: 'The start date {startDate} is after the deadline {deadline}.',
    cooperating_unit_is_lead: 'The lead unit cannot also be a cooperating unit.',
    calendar_day_not_found: '{date} has no holiday or make-up workday entry of its own; there is nothing to remove.',
    calendar_file_invalid:
      'The event near line {line} of the calendar file cannot be read: check its dates (DTSTART/DTEND).',
    calendar_file_empty:
      'The file has no all-day events to import; choose a holiday calendar in iCalendar (.ics) format.',
    internal_error: 'Something went wrong on the server. Please try again later (request {requestId}).',
  },
};

/** Names of objects used inside messages ("that {object} was not found"). */
const OBJECT_NAMES: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    unit: '单位',
    user: '用户',
    token: '令牌',
    resource: '资源',
    task: '任务',
    source: '来源',
    settings: '设置',
  },
  'zh-TW': {
    unit: '單位',
    user: '使用者',
    token: '權杖',
    resource: '資源',
    task: '任務',
    source: '來源',
    settings: '設定',
  },
  en: {
    unit: 'unit',
    user: 'user',
    token: 'token',
    resource: 'resource',
    task: 'task',
    source: 'source',
    settings: 'settings',
  },
};

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/** The translated detail for an error code. An `object` param is translated too. */
export function errorDetail(locale: Locale, code: ErrorCode, params: Params = {}): string {
  const filled = { ...params };
  if (typeof params.object === 'string') filled.object = OBJECT_NAMES[locale][params.object] ?? params.object;
  if (typeof params.status === 'string') filled.status = statusName(locale, params.status);
  if (typeof params.action === 'string') filled.action = actionNames(locale, params.action);
  if (typeof params.allowed === 'string') filled.allowed = actionNames(locale, params.allowed) || '—';
  return fill(ERROR_DETAILS[locale][code], filled);
}

const FIELD_MESSAGES: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    required: '必填',
    type: '类型应为 {expected}',
    tooShortString: '至少 {minimum} 个字符',
    tooLongString: '最多 {maximum} 个字符',
    tooSmallNumber: '不能小于 {minimum}',
    tooBigNumber: '不能大于 {maximum}',
    tooFewItems: '至少 {minimum} 项',
    tooManyItems: '最多 {maximum} 项',
    format: '格式不正确',
    unknownField: '不认识的字段',
    value: '取值不在允许范围内',
    invalid: '无效',
  },
  'zh-TW': {
    required: '必填',
    type: '類型應為 {expected}',
    tooShortString: '至少 {minimum} 個字元',
    tooLongString: '最多 {maximum} 個字元',
    tooSmallNumber: '不能小於 {minimum}',
    tooBigNumber: '不能大於 {maximum}',
    tooFewItems: '至少 {minimum} 項',
    tooManyItems: '最多 {maximum} 項',
    format: '格式不正確',
    unknownField: '無法識別的欄位',
    value: '取值不在允許範圍內',
    invalid: '無效',
  },
  en: {
    required: 'is required',
    type: 'must be of type {expected}',
    tooShortString: 'must have at least {minimum} characters',
    tooLongString: 'must have at most {maximum} characters',
    tooSmallNumber: 'must be at least {minimum}',
    tooBigNumber: 'must be at most {maximum}',
    tooFewItems: 'must have at least {minimum} items',
    tooManyItems: 'must have at most {maximum} items',
    format: 'has the wrong format',
    unknownField: 'is not a known field',
    value: 'is not one of the allowed values',
    invalid: 'is invalid',
  },
};

/** A translated phrase for one field problem. */
export function fieldMessage(locale: Locale, key: string, params: Params = {}): string {
  const table = FIELD_MESSAGES[locale];
  return fill(table[key] ?? table.invalid ?? key, params);
}
