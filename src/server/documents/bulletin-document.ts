import { localDate } from '../../domain/dates.js';
import type { Bulletin, BulletinContent } from '../../shared/bulletins-api.js';
import type { Locale } from '../../shared/locales.js';
import { formatDocDate, type OfficialBlock, type OfficialDocument } from './official-document.js';
import { renderOfficialDocx } from './official-docx.js';
import { renderOfficialPdf } from './official-pdf.js';

// A bulletin (通报) as an official document: red letterhead (<organisation>督查通报), the number, the
// title, then one numbered heading per section — the figures, the league table and the overdue list
// as tables, commendations, criticisms and requirements as paragraphs — the issuing office and date,
// and the record (印发). Labels follow the organisation's language.

interface BulletinDocLabels {
  letterhead: string;
  office: string;
  addressee: string;
  addressees: string;
  headings: Record<keyof BulletinContent, string>;
  ranking: [string, string, string, string];
  overdue: [string, string, string, string, string, string];
  none: string;
  printed: (date: string) => string;
}

const ZH_CN: BulletinDocLabels = {
  letterhead: '督查通报',
  office: '督查室',
  addressee: '主送',
  addressees: '各有关单位',
  headings: {
    figures: '一、总体情况',
    ranking: '二、考核排名',
    commendations: '三、表扬',
    criticisms: '四、批评',
    overdue: '五、逾期任务清单',
    requirements: '六、下步工作要求',
  },
  ranking: ['名次', '单位', '得分', '任务数'],
  overdue: ['序号', '任务编号', '任务名称', '牵头单位', '完成时限', '逾期工作日'],
  none: '无。',
  printed: (date) => `${date}印发`,
};

const ZH_TW: BulletinDocLabels = {
  letterhead: '督查通報',
  office: '督查室',
  addressee: '主送',
  addressees: '各有關單位',
  headings: {
    figures: '一、總體情況',
    ranking: '二、考核排名',
    commendations: '三、表揚',
    criticisms: '四、批評',
    overdue: '五、逾期任務清單',
    requirements: '六、下步工作要求',
  },
  ranking: ['名次', '單位', '得分', '任務數'],
  overdue: ['序號', '任務編號', '任務名稱', '牽頭單位', '完成時限', '逾期工作日'],
  none: '無。',
  printed: (date) => `${date}印發`,
};

const EN: BulletinDocLabels = {
  letterhead: 'Supervision Bulletin',
  office: 'Supervision Office',
  addressee: 'To',
  addressees: 'All units concerned',
  headings: {
    figures: '1. Overall figures',
    ranking: '2. Ranking',
    commendations: '3. Commendations',
    criticisms: '4. Criticisms',
    overdue: '5. Overdue tasks',
    requirements: '6. Next requirements',
  },
  ranking: ['Rank', 'Unit', 'Score', 'Tasks'],
  overdue: ['No.', 'Task', 'Title', 'Lead unit', 'Deadline', 'Working days overdue'],
  none: 'None.',
  printed: (date) => `Issued ${date}`,
};

function bulletinDocLabels(locale: Locale): BulletinDocLabels {
  return locale === 'en' ? EN : locale === 'zh-TW' ? ZH_TW : ZH_CN;
}

export type BulletinFormat = 'docx' | 'pdf';

/** The number a draft shows: the series and year with the number left blank (督通〔2026〕　号). */
function numberOf(bulletin: Bulletin, year: string): string {
  return bulletin.number ?? `督通〔${year}〕　号`;
}

function sectionBlocks(bulletin: Bulletin, labels: BulletinDocLabels, locale: Locale): OfficialBlock[] {
  const { content } = bulletin;
  const texts = (lines: ReadonlyArray<{ text: string }>, note: string): OfficialBlock[] => {
    const paragraphs = [...lines.map((line) => line.text), note.trim()].filter(Boolean);
    if (paragraphs.length === 0) return [{ kind: 'paragraph', text: labels.none }];
    return paragraphs.map((text) => ({ kind: 'paragraph', text }));
  };
  const [rank, unit, score, tasks] = labels.ranking;
  const [no, task, title, lead, deadline, days] = labels.overdue;
  const ranking: OfficialBlock[] = content.ranking.rows.length
    ? [
        {
          kind: 'table',
          columns: [
            { label: rank, weight: 1.2, align: 'center' },
            { label: unit, weight: 5 },
            { label: score, weight: 1.8, align: 'right' },
            { label: tasks, weight: 1.5, align: 'right' },
          ],
          rows: content.ranking.rows.map((row) => [
            String(row.rank),
            row.unitName,
            row.score.toFixed(2),
            String(row.taskCount),
          ]),
        },
      ]
    : [];
  const overdue: OfficialBlock[] = content.overdue.rows.length
    ? [
        {
          kind: 'table',
          columns: [
            { label: no, weight: 0.9, align: 'center' },
            { label: task, weight: 2.7 },
            { label: title, weight: 4.2 },
            { label: lead, weight: 3 },
            { label: deadline, weight: 2.6, align: 'center' },
            { label: days, weight: 1.6, align: 'right' },
          ],
          rows: content.overdue.rows.map((row, i) => [
            String(i + 1),
            row.taskNumber,
            row.title,
            row.unitName ?? '—',
            formatDocDate(row.deadline, locale),
            String(row.workingDaysOverdue),
          ]),
        },
      ]
    : [];
  const note = (text: string): OfficialBlock[] => (text.trim() ? [{ kind: 'paragraph', text: text.trim() }] : []);
  const heading = (key: keyof BulletinContent): OfficialBlock => ({ kind: 'heading', text: labels.headings[key] });
  return [
    heading('figures'),
    ...texts(content.figures.lines, content.figures.note),
    heading('ranking'),
    ...ranking,
    ...(ranking.length ? note(content.ranking.note) : texts([], content.ranking.note)),
    heading('commendations'),
    ...texts(content.commendations.lines, content.commendations.note),
    heading('criticisms'),
    ...texts(content.criticisms.lines, content.criticisms.note),
    heading('overdue'),
    ...overdue,
    ...(overdue.length ? note(content.overdue.note) : texts([], content.overdue.note)),
    heading('requirements'),
    ...texts(content.requirements.lines, content.requirements.note),
  ];
}

/** The document model of a bulletin (see official-document.ts); a draft carries a blank number. */
export function bulletinDocument(bulletin: Bulletin, locale: Locale, timeZone: string): OfficialDocument {
  const labels = bulletinDocLabels(locale);
  const space = locale === 'en' ? ' ' : '';
  const named = (text: string) => (bulletin.organisation ? `${bulletin.organisation}${space}${text}` : text);
  const day = bulletin.issuedAt ? localDate(new Date(bulletin.issuedAt), timeZone) : bulletin.asOf;
  const date = formatDocDate(day, locale);
  const number = numberOf(bulletin, day.slice(0, 4));
  const office = named(labels.office);
  return {
    title: bulletin.number ?? bulletin.title,
    lang: locale === 'en' ? 'en' : 'zh',
    letterhead: named(labels.letterhead),
    number,
    signer: null,
    heading: bulletin.title,
    addressee: { label: labels.addressee, names: labels.addressees },
    blocks: sectionBlocks(bulletin, labels, locale),
    signature: { issuer: office, date },
    record: { cc: null, printed: { by: office, date: labels.printed(date) } },
  };
}

/** The bulletin as a file: its bytes, type and name (`督通〔2026〕1号.docx`, a draft by its title). */
export async function renderBulletinFile(
  bulletin: Bulletin,
  locale: Locale,
  timeZone: string,
  format: BulletinFormat,
): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
  const doc = bulletinDocument(bulletin, locale, timeZone);
  const base = (bulletin.number ?? bulletin.title).replace(/[\\/:*?"<>|]/g, '_');
  if (format === 'pdf') {
    return { bytes: await renderOfficialPdf(doc), contentType: 'application/pdf', fileName: `${base}.pdf` };
  }
  return {
    bytes: await renderOfficialDocx(doc),
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    fileName: `${base}.docx`,
  };
}
