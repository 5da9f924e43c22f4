import type { Locale } from '../../shared/locales.js';
import type { TaskAction, TaskStatus } from '../../shared/tasks.js';

// Names of task statuses and actions for server messages (the web has its own, richer labels).

const STATUS_NAMES: Record<Locale, Record<TaskStatus, string>> = {
  'zh-CN': {
    draft: '草稿',
    assigned: '已交办',
    in_progress: '办理中',
    closure_requested: '申请办结',
    returned: '已退回',
    suspended: '已暂停',
    closed: '已办结',
    cancelled: '已撤销',
  },
  'zh-TW': {
    draft: '草稿',
    assigned: '已交辦',
    in_progress: '辦理中',
    closure_requested: '申請辦結',
    returned: '已退回',
    suspended: '已暫停',
    closed: '已辦結',
    cancelled: '已撤銷',
  },
  en: {
    draft: 'draft',
    assigned: 'assigned',
    in_progress: 'in progress',
    closure_requested: 'closure requested',
    returned: 'returned',
    suspended: 'suspended',
    closed: 'closed',
    cancelled: 'cancelled',
  },
};

const ACTION_NAMES: Record<Locale, Record<TaskAction, string>> = {
  'zh-CN': {
    assign: '交办',
    acknowledge: '签收',
    request_closure: '申请办结',
    close: '办结',
    return: '退回',
    suspend: '暂停',
    resume: '恢复',
    cancel: '撤销',
    reopen: '重新办理',
  },
  'zh-TW': {
    assign: '交辦',
    acknowledge: '簽收',
    request_closure: '申請辦結',
    close: '辦結',
    return: '退回',
    suspend: '暫停',
    resume: '恢復',
    cancel: '撤銷',
    reopen: '重新辦理',
  },
  en: {
    assign: 'assign',
    acknowledge: 'acknowledge',
    request_closure: 'request closure',
    close: 'close',
    return: 'return',
    suspend: 'suspend',
    resume: 'resume',
    cancel: 'cancel',
    reopen: 'reopen',
  },
};

/** A task status in words, or the code itself when unknown. */
export function statusName(locale: Locale, status: string): string {
  return (STATUS_NAMES[locale] as Record<string, string>)[status] ?? status;
}

/** A task action in words; a comma-separated list is translated item by item. */
export function actionNames(locale: Locale, actions: string): string {
  const separator = locale === 'en' ? ', ' : '、';
  return actions
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
    .map((a) => (ACTION_NAMES[locale] as Record<string, string>)[a] ?? a)
    .join(separator);
}
