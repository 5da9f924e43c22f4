import type { Locale } from '../../shared/locales.js';
import type { StatusReport, StatusReportFormat } from '../../shared/status-reports-api.js';
import { formatDocDate, type OfficialBlock, type OfficialDocument } from '../documents/official-document.js';
import { renderOfficialDocx } from '../documents/official-docx.js';
import { renderOfficialPdf } from '../documents/official-pdf.js';
import { itemCells } from './status-report-cells.js';
import { type StatusReportTexts, statusReportTexts } from './status-report-texts.js';
import { renderStatusReportXlsx } from './status-report-xlsx.js';

// An implementation report as an official document (the model bulletins use): the office's red
// letterhead, the report's number (督落周〔2026〕48号), the heading and window, the overall figures,
// then every item with its 序号 and a form of its state, progress, problems, next steps and
// coordination; and as a spreadsheet, one row per item.

export interface StatusReportFile {
  bytes: Buffer;
  contentType: string;
  fileName: string;
}

const CONTENT_TYPES: Record<StatusReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function itemBlocks(report: StatusReport, texts: StatusReportTexts, locale: Locale): OfficialBlock[] {
  if (report.items.length === 0) return [{ kind: 'paragraph', text: texts.noItems }];
  const f = texts.fields;
  return report.items.flatMap((item): OfficialBlock[] => {
    const cells = itemCells(item, texts, locale);
    const state = [cells.status, cells.light, `${item.progress}%`].filter(Boolean).join(' / ');
    return [
      { kind: 'paragraph', text: `${item.key}　${item.title}（${item.number}）` },
      {
        kind: 'fields',
        rows: [
          { label: f.lead, value: cells.lead || texts.none },
          { label: f.deadline, value: item.deadline ? formatDocDate(item.deadline, locale) : texts.none },
          { label: f.status, value: state },
          { label: f.progressMade, value: cells.progressMade || texts.none },
          { label: f.problems, value: item.problems.join('\n') || texts.none },
          { label: f.nextSteps, value: item.nextSteps.join('\n') || texts.none },
          { label: f.coordination, value: cells.coordination.replaceAll(texts.separator, '\n') || texts.none },
        ],
      },
    ];
  });
}

/** The document model of a report (see official-document.ts). */
export function statusReportDocument(report: StatusReport, locale: Locale, today: string): OfficialDocument {
  const texts = statusReportTexts(locale);
  const date = formatDocDate(today, locale);
  const window = texts.windowLine(formatDocDate(report.window.from, locale), formatDocDate(report.window.to, locale));
  return {
    title: report.heading,
    lang: locale === 'en' ? 'en' : 'zh',
    letterhead: report.letterhead,
    number: report.number,
    signer: null,
    heading: report.heading,
    addressee: null,
    blocks: [
      { kind: 'paragraph', text: window },
      { kind: 'heading', text: texts.sections.figures },
      { kind: 'paragraph', text: texts.figures(report.figures) },
      { kind: 'heading', text: texts.sections.items },
      ...itemBlocks(report, texts, locale),
    ],
    signature: { issuer: report.letterhead, date },
    record: { cc: null, printed: { by: report.letterhead, date: texts.printed(date) } },
  };
}

/** The file name: the heading and window, without characters file systems refuse. */
export function statusReportFileName(report: StatusReport, format: StatusReportFormat): string {
  const base = `${report.heading}_${report.window.from}_${report.window.to}`.replace(/[\\/:*?"<>|]/g, '_');
  return `${base}.${format}`;
}

/** The report as a .docx, PDF or .xlsx file. */
export async function renderStatusReportFile(
  report: StatusReport,
  input: { locale: Locale; today: string; format: StatusReportFormat },
): Promise<StatusReportFile> {
  const { format, locale } = input;
  const bytes =
    format === 'xlsx'
      ? await renderStatusReportXlsx(report, locale)
      : format === 'pdf'
        ? await renderOfficialPdf(statusReportDocument(report, locale, input.today))
        : await renderOfficialDocx(statusReportDocument(report, locale, input.today));
  return { bytes, contentType: CONTENT_TYPES[format], fileName: statusReportFileName(report, format) };
}
