import type { HealthLight, HealthReason } from '../domain/task-health.js';
import type { Locale } from './locales.js';

// What a task's light and its reasons say, in the reader's language: the same words on every
// screen, in notifications and in generated documents ("逾期 3 个工作日", "进度落后序时进度 18 个百分点").

const LIGHTS: Record<Locale, Record<HealthLight, string>> = {
  'zh-CN': { green: '绿灯', amber: '黄灯', red: '红灯' },
  'zh-TW': { green: '綠燈', amber: '黃燈', red: '紅燈' },
  en: { green: 'Green', amber: 'Amber', red: 'Red' },
};

export function lightName(light: HealthLight, locale: Locale): string {
  return LIGHTS[locale][light];
}

/** One reason as a short sentence. */
export function healthReasonText(reason: HealthReason, locale: Locale): string {
  const zh = locale !== 'en';
  const tw = locale === 'zh-TW';
  switch (reason.code) {
    case 'overdue':
      if (!zh) return `${reason.workingDays} working days overdue`;
      return tw ? `逾期 ${reason.workingDays} 個工作日` : `逾期 ${reason.workingDays} 个工作日`;
    case 'report_missing':
      if (!zh) return `report for the period to ${reason.periodEnd} missing for ${reason.workingDays} working days`;
      return tw
        ? `截至 ${reason.periodEnd} 的進展回報逾期 ${reason.workingDays} 個工作日未報`
        : `截至 ${reason.periodEnd} 的进展反馈逾期 ${reason.workingDays} 个工作日未报`;
    case 'behind_plan':
      if (!zh) return `${reason.points} points behind the plan (${reason.expected}% expected by now)`;
      return tw
        ? `進度落後形象進度 ${reason.points} 個百分點（應達 ${reason.expected}%）`
        : `进度落后形象进度 ${reason.points} 个百分点（应达 ${reason.expected}%）`;
    case 'behind_trajectory':
      if (!zh)
        return `${reason.points} points behind the time-elapsed pace, ${reason.workingDaysLeft} working days to the deadline`;
      return tw
        ? `進度落後序時進度 ${reason.points} 個百分點，距期限 ${reason.workingDaysLeft} 個工作日`
        : `进度落后序时进度 ${reason.points} 个百分点，距期限 ${reason.workingDaysLeft} 个工作日`;
    case 'stalled':
      if (!zh) return reason.since ? `progress unchanged since ${reason.since}` : 'progress unchanged';
      return tw
        ? `進度停滯${reason.since ? `（自 ${reason.since} 起）` : ''}`
        : `进度停滞${reason.since ? `（自 ${reason.since} 起）` : ''}`;
    case 'forecast_late':
      if (!zh) return `at the recent pace, done on ${reason.forecast}: ${reason.workingDaysLate} working days late`;
      return tw
        ? `按近期進度預計 ${reason.forecast} 完成，晚於期限 ${reason.workingDaysLate} 個工作日`
        : `按近期进度预计 ${reason.forecast} 完成，晚于期限 ${reason.workingDaysLate} 个工作日`;
    case 'unacknowledged':
      if (!zh) return `not acknowledged after ${reason.workingDays} working days`;
      return tw ? `交辦 ${reason.workingDays} 個工作日仍未簽收` : `交办 ${reason.workingDays} 个工作日仍未签收`;
  }
}

/** Why the ladder acted, as the `{message}` of a supervision notification ("（逾期 3 个工作日）"). */
export function ladderTriggerText(trigger: string, workingDays: number, locale: Locale): string {
  const en = locale === 'en';
  const tw = locale === 'zh-TW';
  const days = Math.abs(workingDays);
  const zh = (cn: string, hant: string) => `（${tw ? hant : cn}）`;
  switch (trigger) {
    case 'before_deadline':
      return en
        ? ` (deadline in ${days} working days)`
        : zh(`距完成时限还有 ${days} 个工作日`, `距完成時限還有 ${days} 個工作日`);
    case 'after_deadline':
      return en ? ` (${days} working days overdue)` : zh(`逾期 ${days} 个工作日`, `逾期 ${days} 個工作日`);
    case 'report_missing':
      return en
        ? ` (progress report ${days} working days late)`
        : zh(`进展反馈逾期 ${days} 个工作日未报`, `進展回報逾期 ${days} 個工作日未報`);
    case 'stalled':
      return en ? ' (no real progress over several cycles)' : zh('进展停滞', '進展停滯');
    case 'unacknowledged':
      return en
        ? ` (not acknowledged ${days} working days after assignment)`
        : zh(`交办 ${days} 个工作日未签收`, `交辦 ${days} 個工作日未簽收`);
    case 'instruction_unanswered':
      return en ? ' (leader instruction not answered in time)' : zh('领导批示逾期未回复', '領導批示逾期未回覆');
    default:
      return '';
  }
}
