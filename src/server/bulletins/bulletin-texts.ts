import type { Locale } from '../../shared/locales.js';

// The words a generated bulletin is written in, in the organisation's language: the default title,
// one sentence per generated line, and the default next requirements (下步工作要求). The supervisor
// edits all of it before issuing; the document's headings are in bulletin-document.ts.

interface Unit {
  unit: string;
}
interface Ranked extends Unit {
  period: string;
  rank: number;
  score: string;
}
interface CaseLine extends Unit {
  title: string;
  summary: string;
}
interface TaskLine extends Unit {
  number: string;
  title: string;
}

export interface BulletinTexts {
  periodTitle: (period: string) => string;
  dateTitle: (date: string) => string;
  figures: (f: {
    date: string;
    total: number;
    closed: number;
    onTime: number;
    rate: string;
    open: number;
    overdue: number;
    red: number;
    amber: number;
  }) => string;
  rankingFrom: (period: string) => string;
  noRanking: string;
  topUnit: (r: Ranked) => string;
  bottomUnit: (r: Ranked) => string;
  exemplaryCase: (c: CaseLine) => string;
  negativeCase: (c: CaseLine) => string;
  practice: (t: TaskLine & { practices: string }) => string;
  redOverdue: (t: TaskLine & { days: number }) => string;
  noOverdue: (date: string) => string;
  noUnit: string;
  requirements: readonly string[];
}

const ZH_CN: BulletinTexts = {
  periodTitle: (period) => `关于${period}督查考核情况的通报`,
  dateTitle: (date) => `关于截至${date}重点任务落实情况的通报`,
  figures: (f) =>
    `截至${f.date}，纳入督查的任务共${f.total}项，已办结${f.closed}项，其中按期办结${f.onTime}项，按期办结率${f.rate}；` +
    `未办结${f.open}项，其中逾期${f.overdue}项；亮红灯${f.red}项、黄灯${f.amber}项。`,
  rankingFrom: (period) => `排名依据${period}牵头单位考核结果。`,
  noRanking: '暂无已发布的考核结果。',
  topUnit: (r) => `${r.unit}在${r.period}考核中排名第${r.rank}位，得分${r.score}分，予以表扬。`,
  bottomUnit: (r) => `${r.unit}在${r.period}考核中排名靠后（第${r.rank}位，得分${r.score}分），予以批评。`,
  exemplaryCase: (c) => `先进典型：${c.title}（${c.unit}）。${c.summary}`,
  negativeCase: (c) => `反面典型：${c.title}（${c.unit}）。${c.summary}`,
  practice: (t) => `经验做法：${t.number}“${t.title}”（${t.unit}）：${t.practices}`,
  redOverdue: (t) => `${t.number}“${t.title}”（牵头单位：${t.unit}）已逾期${t.days}个工作日，未经批准延期，亮红灯。`,
  noOverdue: (date) => `截至${date}，无逾期任务。`,
  noUnit: '未定',
  requirements: [
    '一是压实工作责任。各单位主要负责同志要亲自研究、亲自部署，对照本通报指出的问题逐项分析原因，明确责任人和完成时限。',
    '二是抓好问题整改。被批评单位和有逾期任务的单位要在5个工作日内报送整改措施，整改情况纳入下一考核期评分。',
    '三是推广经验做法。各单位要学习借鉴受表扬单位和先进典型的做法，结合实际推动工作落实。',
    '四是强化督查问效。督查室将对通报事项跟踪督办，对整改不力、敷衍塞责的，按规定提请问责。',
  ],
};

const ZH_TW: BulletinTexts = {
  periodTitle: (period) => `關於${period}督查考核情況的通報`,
  dateTitle: (date) => `關於截至${date}重點任務落實情況的通報`,
  figures: (f) =>
    `截至${f.date}，納入督查的任務共${f.total}項，已辦結${f.closed}項，其中按期辦結${f.onTime}項，按期辦結率${f.rate}；` +
    `未辦結${f.open}項，其中逾期${f.overdue}項；亮紅燈${f.red}項、黃燈${f.amber}項。`,
  rankingFrom: (period) => `排名依據${period}牽頭單位考核結果。`,
  noRanking: '暫無已發布的考核結果。',
  topUnit: (r) => `${r.unit}在${r.period}考核中排名第${r.rank}位，得分${r.score}分，予以表揚。`,
  bottomUnit: (r) => `${r.unit}在${r.period}考核中排名靠後（第${r.rank}位，得分${r.score}分），予以批評。`,
  exemplaryCase: (c) => `先進典型：${c.title}（${c.unit}）。${c.summary}`,
  negativeCase: (c) => `反面典型：${c.title}（${c.unit}）。${c.summary}`,
  practice: (t) => `經驗做法：${t.number}「${t.title}」（${t.unit}）：${t.practices}`,
  redOverdue: (t) => `${t.number}「${t.title}」（牽頭單位：${t.unit}）已逾期${t.days}個工作日，未經批准延期，亮紅燈。`,
  noOverdue: (date) => `截至${date}，無逾期任務。`,
  noUnit: '未定',
  requirements: [
    '一是壓實工作責任。各單位主要負責同志要親自研究、親自部署，對照本通報指出的問題逐項分析原因，明確責任人和完成時限。',
    '二是抓好問題整改。被批評單位和有逾期任務的單位要在5個工作日內報送整改措施，整改情況納入下一考核期評分。',
    '三是推廣經驗做法。各單位要學習借鑑受表揚單位和先進典型的做法，結合實際推動工作落實。',
    '四是強化督查問效。督查室將對通報事項跟蹤督辦，對整改不力、敷衍塞責的，按規定提請問責。',
  ],
};

const EN: BulletinTexts = {
  periodTitle: (period) => `Bulletin on the assessment of ${period}`,
  dateTitle: (date) => `Bulletin on the implementation of tasks as of ${date}`,
  figures: (f) =>
    `As of ${f.date}, ${f.total} tasks are under supervision: ${f.closed} closed, ${f.onTime} of them on time ` +
    `(an on-time rate of ${f.rate}); ${f.open} open, ${f.overdue} of them overdue; ${f.red} red and ${f.amber} amber.`,
  rankingFrom: (period) => `Ranking by the lead-unit results of ${period}.`,
  noRanking: 'No published assessment results yet.',
  topUnit: (r) => `${r.unit} ranked no. ${r.rank} in ${r.period} with ${r.score} points and is commended.`,
  bottomUnit: (r) => `${r.unit} ranked low in ${r.period} (no. ${r.rank}, ${r.score} points) and is criticised.`,
  exemplaryCase: (c) => `Exemplary case: ${c.title} (${c.unit}). ${c.summary}`,
  negativeCase: (c) => `Negative example: ${c.title} (${c.unit}). ${c.summary}`,
  practice: (t) => `Practice worth spreading: ${t.number} "${t.title}" (${t.unit}): ${t.practices}`,
  redOverdue: (t) =>
    `${t.number} "${t.title}" (lead unit: ${t.unit}) is ${t.days} working days overdue with no approved extension (red).`,
  noOverdue: (date) => `No task is overdue as of ${date}.`,
  noUnit: 'none',
  requirements: [
    'First, responsibility: each unit head studies the problems this bulletin names one by one and sets who fixes each, and by when.',
    'Second, rectification: units criticised or with overdue tasks send their measures within 5 working days; progress counts in the next period.',
    'Third, spreading good practice: units learn from those commended and from the exemplary cases.',
    'Fourth, follow-up: the supervision office follows every matter named here and refers poor rectification for accountability.',
  ],
};

/** The bulletin's words in the organisation's language. */
export function bulletinTexts(locale: Locale): BulletinTexts {
  return locale === 'en' ? EN : locale === 'zh-TW' ? ZH_TW : ZH_CN;
}
