import type { HealthLight } from '../../shared/health-api.js';
import type { Locale } from '../../shared/locales.js';
import type { StatusReportWindowKind } from '../../shared/status-reports-api.js';

// The words of an implementation report in each language: its letterhead, heading, section
// headings, the columns of its tables and of its spreadsheet.

export interface StatusReportTexts {
  office: string;
  heading: (subject: string, kind: StatusReportWindowKind) => string;
  windowLine: (from: string, to: string) => string;
  sections: { figures: string; items: string };
  figures: (f: {
    items: number;
    closed: number;
    closedOnTime: number;
    onTimeRate: number | null;
    overdue: number;
    red: number;
    amber: number;
    green: number;
  }) => string;
  /** Labels of an item's fields in the document. */
  fields: {
    lead: string;
    deadline: string;
    status: string;
    light: string;
    progress: string;
    progressMade: string;
    problems: string;
    nextSteps: string;
    coordination: string;
  };
  /** Spreadsheet columns, in order (see status-report-xlsx.ts). */
  columns: readonly string[];
  lights: Record<HealthLight, string>;
  none: string;
  noItems: string;
  separator: string;
  printed: (date: string) => string;
}

const ZH_CN: StatusReportTexts = {
  office: '督查室',
  heading: (subject, kind) =>
    `关于${subject}落实情况的${kind === 'weekly' ? '周报' : kind === 'monthly' ? '月报' : '报告'}`,
  windowLine: (from, to) => `（${from}至${to}）`,
  sections: { figures: '一、总体情况', items: '二、逐项落实情况' },
  figures: (f) =>
    `共${f.items}项，已办结${f.closed}项（按期办结${f.closedOnTime}项${f.onTimeRate === null ? '' : `，按期办结率${f.onTimeRate}%`}），逾期${f.overdue}项；红灯${f.red}项、黄灯${f.amber}项、绿灯${f.green}项。`,
  fields: {
    lead: '牵头单位',
    deadline: '完成时限',
    status: '状态',
    light: '灯号',
    progress: '完成进度',
    progressMade: '工作进展',
    problems: '存在问题',
    nextSteps: '下步计划',
    coordination: '需协调事项',
  },
  columns: [
    '序号',
    '任务编号',
    '任务名称',
    '牵头单位',
    '完成时限',
    '状态',
    '灯号',
    '进度(%)',
    '工作进展',
    '存在问题',
    '下步计划',
    '需协调事项',
  ],
  lights: { red: '红灯', amber: '黄灯', green: '绿灯' },
  none: '无',
  noItems: '本时段没有可报告的事项。',
  separator: '；',
  printed: (date) => `${date}印发`,
};

const ZH_TW: StatusReportTexts = {
  ...ZH_CN,
  heading: (subject, kind) =>
    `關於${subject}落實情況的${kind === 'weekly' ? '週報' : kind === 'monthly' ? '月報' : '報告'}`,
  sections: { figures: '一、總體情況', items: '二、逐項落實情況' },
  figures: (f) =>
    `共${f.items}項，已辦結${f.closed}項（按期辦結${f.closedOnTime}項${f.onTimeRate === null ? '' : `，按期辦結率${f.onTimeRate}%`}），逾期${f.overdue}項；紅燈${f.red}項、黃燈${f.amber}項、綠燈${f.green}項。`,
  fields: {
    lead: '牽頭單位',
    deadline: '完成時限',
    status: '狀態',
    light: '燈號',
    progress: '完成進度',
    progressMade: '工作進展',
    problems: '存在問題',
    nextSteps: '下步計畫',
    coordination: '需協調事項',
  },
  columns: [
    '序號',
    '任務編號',
    '任務名稱',
    '牽頭單位',
    '完成時限',
    '狀態',
    '燈號',
    '進度(%)',
    '工作進展',
    '存在問題',
    '下步計畫',
    '需協調事項',
  ],
  lights: { red: '紅燈', amber: '黃燈', green: '綠燈' },
  none: '無',
  noItems: '本時段沒有可報告的事項。',
  printed: (date) => `${date}印發`,
};

const EN: StatusReportTexts = {
  office: 'Supervision Office',
  heading: (subject, kind) =>
    `${kind === 'weekly' ? 'Weekly' : kind === 'monthly' ? 'Monthly' : 'Implementation'} report on ${subject}`,
  windowLine: (from, to) => `(${from} to ${to})`,
  sections: { figures: '1. Overall figures', items: '2. Item by item' },
  figures: (f) =>
    `${f.items} items: ${f.closed} closed (${f.closedOnTime} on time${f.onTimeRate === null ? '' : `, ${f.onTimeRate}%`}), ${f.overdue} overdue; ${f.red} red, ${f.amber} amber, ${f.green} green.`,
  fields: {
    lead: 'Lead unit',
    deadline: 'Deadline',
    status: 'Status',
    light: 'Light',
    progress: 'Progress',
    progressMade: 'Progress made',
    problems: 'Problems raised',
    nextSteps: 'Next steps',
    coordination: 'Coordination needed',
  },
  columns: [
    'No.',
    'Task',
    'Title',
    'Lead unit',
    'Deadline',
    'Status',
    'Light',
    'Progress (%)',
    'Progress made',
    'Problems raised',
    'Next steps',
    'Coordination needed',
  ],
  lights: { red: 'Red', amber: 'Amber', green: 'Green' },
  none: 'None',
  noItems: 'Nothing to report for this window.',
  separator: '; ',
  printed: (date) => `Issued ${date}`,
};

export function statusReportTexts(locale: Locale): StatusReportTexts {
  return locale === 'en' ? EN : locale === 'zh-TW' ? ZH_TW : ZH_CN;
}

/** The subject as a heading names it: a document in 《》 in Chinese. */
export function quotedSubject(title: string, locale: Locale): string {
  if (locale === 'en') return title;
  return title.startsWith('《') ? title : `《${title}》`;
}
