import type { Locale } from '../../shared/locales.js';
import type { ErrorCode } from '../../shared/problem.js';

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
    internal_error: 'Something went wrong on the server. Please try again later (request {requestId}).',
  },
};

/** Names of objects used inside messages ("that {object} was not found"). */
const OBJECT_NAMES: Record<Locale, Record<string, string>> = {
  'zh-CN': { unit: '单位', user: '用户', token: '令牌', resource: '资源' },
  'zh-TW': { unit: '單位', user: '使用者', token: '權杖', resource: '資源' },
  en: { unit: 'unit', user: 'user', token: 'token', resource: 'resource' },
};

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/** The translated detail for an error code. An `object` param is translated too. */
export function errorDetail(locale: Locale, code: ErrorCode, params: Params = {}): string {
  const filled = { ...params };
  if (typeof params.object === 'string') filled.object = OBJECT_NAMES[locale][params.object] ?? params.object;
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
