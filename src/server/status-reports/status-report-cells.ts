import type { Locale } from '../../shared/locales.js';
import type { StatusReportItem } from '../../shared/status-reports-api.js';
import { statusName } from '../i18n/task-terms.js';
import type { StatusReportTexts } from './status-report-texts.js';

/** The words of an item's cells, shared by the document and the spreadsheet. */
export function itemCells(item: StatusReportItem, texts: StatusReportTexts, locale: Locale) {
  const join = (values: readonly string[]) => (values.length ? values.join(texts.separator) : '');
  const requests = item.coordinationRequests.map((request) =>
    [request.matter, request.toName ? `→ ${request.toName}` : ''].filter(Boolean).join(' '),
  );
  return {
    lead: item.leadUnitName ?? '',
    deadline: item.deadline ?? '',
    status: statusName(locale, item.status),
    light: item.light ? texts.lights[item.light] : '',
    progressMade: item.progressMade ?? '',
    problems: join(item.problems),
    nextSteps: join(item.nextSteps),
    coordination: join([...item.coordinationNeeded, ...requests]),
  };
}
