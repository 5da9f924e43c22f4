import type { Locale } from '../../shared/locales.js';
import { PUBLIC_LIMITS } from '../../shared/public-api.js';

// The words of the public pages in each language. Kept beside the pages (not in the web bundle):
// the public pages are rendered on the server and carry no script.

const { commentMax, ratingsPerHour } = PUBLIC_LIMITS;

const zhCN = {
  siteTitle: '公开督办',
  siteSubtitle: '重点工作落实情况，接受群众监督',
  skip: '跳到正文',
  language: '语言',
  listHeading: '公开督办事项',
  search: '搜索',
  searchLabel: '事项编号或名称',
  area: '责任单位（含下级）',
  allAreas: '全部单位',
  apply: '查询',
  results: (n: number) => `共 ${n} 项`,
  empty: '没有符合条件的公开事项。',
  previous: '上一页',
  next: '下一页',
  pageOf: (page: number, pages: number) => `第 ${page} / ${pages} 页`,
  number: '编号',
  leadUnit: '责任单位',
  deadline: '完成时限',
  status: '状态',
  progress: '进度',
  light: '督办灯',
  noDeadline: '未定',
  noLight: '—',
  lights: { green: '绿灯：正常推进', amber: '黄灯：需要关注', red: '红灯：严重滞后' },
  back: '返回公开事项列表',
  description: '工作内容',
  timeline: '进展公开',
  noTimeline: '暂无公开的进展情况。',
  subtasks: '分解事项',
  satisfaction: '群众满意度',
  average: (avg: string, n: number) => `平均 ${avg} 星（${n} 条评价）`,
  noRatings: '暂无已公开的评价。',
  comments: '群众留言',
  stars: (n: number) => `${n} 星`,
  rateHeading: '评价这项工作',
  rateLegend: '满意度（1–5 星）',
  rateLabels: ['很不满意', '不满意', '一般', '满意', '很满意'],
  comment: '留言（可选）',
  commentHint: `最多 ${commentMax} 字。留言经审核后公开，请勿填写个人信息。`,
  honeypot: '请勿填写此项',
  submit: '提交评价',
  thanks: '感谢您的评价！评价经审核后显示。',
  rateLimited: `提交过于频繁：同一网络每小时最多 ${ratingsPerHour} 条评价，同一事项每天 1 条。请稍后再试。`,
  invalid: '请选择 1 至 5 星，留言不超过 500 字。',
  notFound: '找不到该公开事项：它可能未公开或已撤销。',
  footer: '本页面仅显示已公开事项及经审核的内容。',
} as const;

type Texts = {
  [K in keyof typeof zhCN]: (typeof zhCN)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : (typeof zhCN)[K] extends readonly string[]
      ? readonly string[]
      : (typeof zhCN)[K] extends Record<string, string>
        ? Record<keyof (typeof zhCN)[K], string>
        : string;
};

const zhTW: Texts = {
  siteTitle: '公開督辦',
  siteSubtitle: '重點工作落實情況，接受群眾監督',
  skip: '跳到正文',
  language: '語言',
  listHeading: '公開督辦事項',
  search: '搜尋',
  searchLabel: '事項編號或名稱',
  area: '責任單位（含下級）',
  allAreas: '全部單位',
  apply: '查詢',
  results: (n) => `共 ${n} 項`,
  empty: '沒有符合條件的公開事項。',
  previous: '上一頁',
  next: '下一頁',
  pageOf: (page, pages) => `第 ${page} / ${pages} 頁`,
  number: '編號',
  leadUnit: '責任單位',
  deadline: '完成時限',
  status: '狀態',
  progress: '進度',
  light: '督辦燈',
  noDeadline: '未定',
  noLight: '—',
  lights: { green: '綠燈：正常推進', amber: '黃燈：需要關注', red: '紅燈：嚴重滯後' },
  back: '返回公開事項列表',
  description: '工作內容',
  timeline: '進展公開',
  noTimeline: '暫無公開的進展情況。',
  subtasks: '分解事項',
  satisfaction: '群眾滿意度',
  average: (avg, n) => `平均 ${avg} 星（${n} 則評價）`,
  noRatings: '暫無已公開的評價。',
  comments: '群眾留言',
  stars: (n) => `${n} 星`,
  rateHeading: '評價這項工作',
  rateLegend: '滿意度（1–5 星）',
  rateLabels: ['很不滿意', '不滿意', '一般', '滿意', '很滿意'],
  comment: '留言（選填）',
  commentHint: `最多 ${commentMax} 字。留言經審核後公開，請勿填寫個人資料。`,
  honeypot: '請勿填寫此項',
  submit: '送出評價',
  thanks: '感謝您的評價！評價經審核後顯示。',
  rateLimited: `送出過於頻繁：同一網路每小時最多 ${ratingsPerHour} 則評價，同一事項每天 1 則。請稍後再試。`,
  invalid: '請選擇 1 至 5 星，留言不超過 500 字。',
  notFound: '找不到該公開事項：它可能未公開或已撤銷。',
  footer: '本頁面僅顯示已公開事項及經審核的內容。',
};

const en: Texts = {
  siteTitle: 'Public accountability',
  siteSubtitle: 'How key tasks are being carried out, open to public scrutiny',
  skip: 'Skip to content',
  language: 'Language',
  listHeading: 'Public tasks',
  search: 'Search',
  searchLabel: 'Task number or title',
  area: 'Responsible unit (and units under it)',
  allAreas: 'All units',
  apply: 'Search',
  results: (n) => `${n} ${n === 1 ? 'task' : 'tasks'}`,
  empty: 'No public task matches.',
  previous: 'Previous',
  next: 'Next',
  pageOf: (page, pages) => `Page ${page} of ${pages}`,
  number: 'Number',
  leadUnit: 'Responsible unit',
  deadline: 'Deadline',
  status: 'Status',
  progress: 'Progress',
  light: 'Light',
  noDeadline: 'Not set',
  noLight: '—',
  lights: { green: 'Green: on track', amber: 'Amber: needs attention', red: 'Red: seriously behind' },
  back: 'Back to the public tasks',
  description: 'What is to be done',
  timeline: 'Progress made public',
  noTimeline: 'No progress has been made public yet.',
  subtasks: 'Subtasks',
  satisfaction: 'Public satisfaction',
  average: (avg, n) => `Average ${avg} stars (${n} ${n === 1 ? 'rating' : 'ratings'})`,
  noRatings: 'No published ratings yet.',
  comments: 'Comments',
  stars: (n) => `${n} ${n === 1 ? 'star' : 'stars'}`,
  rateHeading: 'Rate this work',
  rateLegend: 'Satisfaction (1–5 stars)',
  rateLabels: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
  comment: 'Comment (optional)',
  commentHint: `Up to ${commentMax} characters. Comments are published after moderation; please leave out personal details.`,
  honeypot: 'Leave this empty',
  submit: 'Send rating',
  thanks: 'Thank you for your rating! It will appear after moderation.',
  rateLimited: `Too many ratings: at most ${ratingsPerHour} an hour from one network and 1 a day per task. Please try again later.`,
  invalid: 'Choose 1 to 5 stars; comments may be up to 500 characters.',
  notFound: 'That public task was not found: it may not be public or may have been cancelled.',
  footer: 'This page shows only tasks opened to the public and moderated content.',
};

const TEXTS: Record<Locale, Texts> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

/** The public pages' words in a language. */
export function publicTexts(locale: Locale): Texts {
  return TEXTS[locale];
}
export type PublicTexts = Texts;
