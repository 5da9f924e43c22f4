import { localDate } from '../../domain/dates.js';
import type { Locale } from '../../shared/locales.js';
import type { Notice } from '../../shared/notices-api.js';
import { formatDocDate, type OfficialDocument, punctuationOf } from './official-document.js';
import { renderOfficialDocx } from './official-docx.js';
import { renderOfficialPdf } from './official-pdf.js';

// A supervision notice (督办单) as an official document: red letterhead with the organisation's
// name, the number and who signed it, the addressed unit, then a form with the matter, the
// requirements, the response date, the task and — once answered — the response and its review;
// copies (抄送) in the record at the end. Labels follow the organisation's language.

/** The labels of the notice document. */
interface NoticeDocLabels {
  letterhead: string;
  office: string;
  signer: string;
  signedByRules: string;
  addressee: string;
  cc: string;
  matter: string;
  requirements: string;
  responseDue: string;
  dueBy: (date: string) => string;
  task: string;
  taskLines: (task: { number: string; title: string; deadline: string; progress: string }) => string;
  noDeadline: string;
  response: string;
  noResponse: string;
  respondedLine: (at: string, by: string) => string;
  review: string;
  accepted: string;
  returned: string;
}

const ZH_CN: NoticeDocLabels = {
  letterhead: '督查督办单',
  office: '督查室',
  signer: '签发人',
  signedByRules: '按督办规则签发',
  addressee: '主送',
  cc: '抄送',
  matter: '督办事项',
  requirements: '督办要求',
  responseDue: '回复期限',
  dueBy: (date) => `${date}前书面回复`,
  task: '督办任务',
  taskLines: (t) => `${t.number}　${t.title}\n完成时限：${t.deadline}　当前进度：${t.progress}`,
  noDeadline: '未定',
  response: '办理回复',
  noResponse: '尚未回复',
  respondedLine: (at, by) => `（${by}，${at}回复）`,
  review: '审核意见',
  accepted: '通过',
  returned: '退回',
};

const ZH_TW: NoticeDocLabels = {
  letterhead: '督查督辦單',
  office: '督查室',
  signer: '簽發人',
  signedByRules: '依督辦規則簽發',
  addressee: '主送',
  cc: '抄送',
  matter: '督辦事項',
  requirements: '督辦要求',
  responseDue: '回覆期限',
  dueBy: (date) => `${date}前書面回覆`,
  task: '督辦任務',
  taskLines: (t) => `${t.number}　${t.title}\n完成時限：${t.deadline}　目前進度：${t.progress}`,
  noDeadline: '未定',
  response: '辦理回覆',
  noResponse: '尚未回覆',
  respondedLine: (at, by) => `（${by}，${at}回覆）`,
  review: '審核意見',
  accepted: '通過',
  returned: '退回',
};

const EN: NoticeDocLabels = {
  letterhead: 'Supervision Notice',
  office: 'Supervision Office',
  signer: 'Signed',
  signedByRules: 'by the escalation rules',
  addressee: 'To',
  cc: 'Copy to',
  matter: 'Matter',
  requirements: 'Requirements',
  responseDue: 'Response due',
  dueBy: (date) => `A written response by ${date}`,
  task: 'Task',
  taskLines: (t) => `${t.number} ${t.title}\nDeadline: ${t.deadline}; progress: ${t.progress}`,
  noDeadline: 'not set',
  response: 'Response',
  noResponse: 'Not answered yet',
  respondedLine: (at, by) => `(${by}, ${at})`,
  review: 'Review',
  accepted: 'Accepted',
  returned: 'Returned',
};

function noticeDocLabels(locale: Locale): NoticeDocLabels {
  return locale === 'en' ? EN : locale === 'zh-TW' ? ZH_TW : ZH_CN;
}

export type NoticeFormat = 'docx' | 'pdf';

const iso = (at: string, timeZone: string) => localDate(new Date(at), timeZone);

function responseText(notice: Notice, labels: NoticeDocLabels, locale: Locale, timeZone: string): string {
  if (!notice.response) return labels.noResponse;
  const at = notice.respondedAt ? formatDocDate(iso(notice.respondedAt, timeZone), locale) : '';
  return `${notice.response}\n${labels.respondedLine(at, notice.respondedBy?.displayName ?? '')}`;
}

function reviewText(notice: Notice, labels: NoticeDocLabels, locale: Locale): string | null {
  if (notice.status !== 'accepted' && notice.status !== 'returned') return null;
  const verdict = notice.status === 'accepted' ? labels.accepted : labels.returned;
  const { colon } = punctuationOf(locale === 'en' ? 'en' : 'zh');
  return notice.reviewComment ? `${verdict}${colon}${notice.reviewComment}` : verdict;
}

/** The document model of a notice (see official-document.ts). */
export function noticeDocument(notice: Notice, locale: Locale, timeZone: string): OfficialDocument {
  const space = locale === 'en' ? ' ' : '';
  const named = (text: string) => (notice.organisation ? `${notice.organisation}${space}${text}` : text);
  const labels = noticeDocLabels(locale);
  const issuedOn = formatDocDate(iso(notice.issuedAt, timeZone), locale);
  const separator = locale === 'en' ? ', ' : '，';
  const office = named(labels.office);
  const rows = [
    { label: labels.matter, value: notice.matter },
    { label: labels.requirements, value: notice.requirements },
    { label: labels.responseDue, value: labels.dueBy(formatDocDate(notice.responseDue, locale)) },
    {
      label: labels.task,
      value: labels.taskLines({
        number: notice.task.number,
        title: notice.task.title,
        deadline: notice.task.deadline ? formatDocDate(notice.task.deadline, locale) : labels.noDeadline,
        progress: `${Math.round(notice.task.progress)}%`,
      }),
    },
    { label: labels.response, value: responseText(notice, labels, locale, timeZone) },
  ];
  const review = reviewText(notice, labels, locale);
  if (review) rows.push({ label: labels.review, value: review });
  return {
    title: notice.number,
    lang: locale === 'en' ? 'en' : 'zh',
    letterhead: named(labels.letterhead),
    number: notice.number,
    signer: { label: labels.signer, name: notice.issuedBy?.displayName ?? labels.signedByRules },
    heading: null,
    addressee: { label: labels.addressee, names: notice.unit.name },
    blocks: [{ kind: 'fields', rows }],
    signature: { issuer: office, date: issuedOn },
    record: {
      cc: notice.ccUnits.length
        ? { label: labels.cc, names: notice.ccUnits.map((unit) => unit.name).join(separator) }
        : null,
      // The 落款 above already says who issued it and when.
      printed: null,
    },
  };
}

/** The notice as a file: its bytes, type and name (`督〔2026〕1号.docx`). */
export async function renderNoticeFile(
  notice: Notice,
  locale: Locale,
  timeZone: string,
  format: NoticeFormat,
): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
  const doc = noticeDocument(notice, locale, timeZone);
  if (format === 'pdf') {
    return { bytes: await renderOfficialPdf(doc), contentType: 'application/pdf', fileName: `${notice.number}.pdf` };
  }
  return {
    bytes: await renderOfficialDocx(doc),
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    fileName: `${notice.number}.docx`,
  };
}
