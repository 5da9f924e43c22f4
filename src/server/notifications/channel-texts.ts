import type { KindGroup } from '../../shared/channels-api.js';
import type { Locale } from '../../shared/locales.js';

// The words around a notification in an email, a group robot's message and the daily digest, in
// the three languages (the notification sentences themselves are in shared/notifications-api.ts).

export interface ChannelTexts {
  brand: string;
  /** Put before every email subject. */
  subjectPrefix: string;
  openTask: string;
  openInbox: string;
  footer: string;
  testMessage: string;
  digestSubject: string;
  digestUnread: string;
  digestNoUnread: string;
  digestHealth: string;
  digestMore: string;
  groups: Record<KindGroup, string>;
}

export const CHANNEL_TEXTS: Record<Locale, ChannelTexts> = {
  'zh-CN': {
    brand: '落实',
    subjectPrefix: '【落实】',
    openTask: '查看任务',
    openInbox: '查看全部通知',
    footer: '这封邮件由落实督查督办系统发出。不想再收到？请在“通知设置”中调整：{url}',
    testMessage: '这是来自落实督查督办系统的测试消息，收到即表示 Webhook “{name}”配置正确。',
    digestSubject: '每日督查摘要（{day}）',
    digestUnread: '{day} 您有 {count} 条未读通知：',
    digestNoUnread: '{day} 没有新的未读通知。',
    digestHealth: '您关注范围内在办任务：红灯 {red} 项，黄灯 {amber} 项。',
    digestMore: '……另有 {count} 条',
    groups: {
      task: '任务交办',
      plan: '办理方案',
      report: '进展反馈',
      closure: '办结',
      supervision: '督办',
      notice: '督办单',
      extension: '延期申请',
      coordination: '协调事项',
      instruction: '领导批示',
      bulletin: '督查通报',
      rectification: '整改',
      case: '典型案例',
      accountability: '问责',
    },
  },
  'zh-TW': {
    brand: '落實',
    subjectPrefix: '【落實】',
    openTask: '查看任務',
    openInbox: '查看全部通知',
    footer: '這封郵件由落實督查督辦系統發出。不想再收到？請在「通知設定」中調整：{url}',
    testMessage: '這是來自落實督查督辦系統的測試訊息，收到即表示 Webhook「{name}」設定正確。',
    digestSubject: '每日督查摘要（{day}）',
    digestUnread: '{day} 您有 {count} 則未讀通知：',
    digestNoUnread: '{day} 沒有新的未讀通知。',
    digestHealth: '您關注範圍內在辦任務：紅燈 {red} 項，黃燈 {amber} 項。',
    digestMore: '……另有 {count} 則',
    groups: {
      task: '任務交辦',
      plan: '辦理方案',
      report: '進展回饋',
      closure: '辦結',
      supervision: '督辦',
      notice: '督辦單',
      extension: '延期申請',
      coordination: '協調事項',
      instruction: '領導批示',
      bulletin: '督查通報',
      rectification: '整改',
      case: '典型案例',
      accountability: '問責',
    },
  },
  en: {
    brand: 'Luoshi',
    subjectPrefix: '[Luoshi] ',
    openTask: 'Open the task',
    openInbox: 'See all notifications',
    footer: 'Sent by Luoshi. To receive fewer emails, change your notification preferences: {url}',
    testMessage: 'A test message from Luoshi: the webhook "{name}" is set up correctly.',
    digestSubject: 'Daily supervision digest ({day})',
    digestUnread: 'You have {count} unread notifications from {day}:',
    digestNoUnread: 'No new unread notifications from {day}.',
    digestHealth: 'Open tasks in your scope: {red} red, {amber} amber.',
    digestMore: '… and {count} more',
    groups: {
      task: 'Assigned tasks',
      plan: 'Plans',
      report: 'Progress reports',
      closure: 'Closure',
      supervision: 'Supervision',
      notice: 'Supervision notices',
      extension: 'Extension requests',
      coordination: 'Coordination requests',
      instruction: 'Leader instructions',
      bulletin: 'Bulletins',
      rectification: 'Rectification',
      case: 'Cases',
      accountability: 'Accountability',
    },
  },
};

/** Fills `{name}` placeholders (a missing value leaves the placeholder out). */
export function fillText(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name in values ? String(values[name]) : ''));
}
