import type { TFunction } from 'i18next';
import type { PointLine } from '../../../shared/assessment-api.js';

// An explanation line's particulars in words ("5 working days · deadline 2026-03-31 · closed
// 2026-04-08"). The server stores them as a small JSON object per fact (src/domain/
// assessment-occurrences.ts); keys this screen does not know are left out rather than shown raw,
// and so is `light`, which the rule's own name (黄灯 / 红灯) already says.

type Detail = Record<string, unknown>;

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const count = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function dates(detail: Detail, t: TFunction): string[] {
  const parts: string[] = [];
  const deadline = text(detail.deadline);
  const original = text(detail.originalDeadline);
  const due = text(detail.dueDate) ?? text(detail.dueOn);
  if (deadline) parts.push(t('assessment.detail.deadline', { date: deadline }));
  if (original && original !== deadline) parts.push(t('assessment.detail.originalDeadline', { date: original }));
  if (due) parts.push(t('assessment.detail.due', { date: due }));
  if (text(detail.closedOn)) parts.push(t('assessment.detail.closedOn', { date: detail.closedOn }));
  if ('acceptedOn' in detail) {
    const accepted = text(detail.acceptedOn);
    parts.push(accepted ? t('assessment.detail.acceptedOn', { date: accepted }) : t('assessment.detail.notAccepted'));
  }
  if (text(detail.respondBy)) parts.push(t('assessment.detail.respondBy', { date: detail.respondBy }));
  if ('respondedOn' in detail) {
    const responded = text(detail.respondedOn);
    parts.push(
      responded ? t('assessment.detail.respondedOn', { date: responded }) : t('assessment.detail.notResponded'),
    );
  }
  return parts;
}

/** The words for one line's detail, joined with " · "; empty when there is nothing to say. */
export function describePointDetail(line: Pick<PointLine, 'detail'>, t: TFunction): string {
  const detail = line.detail ?? {};
  const parts: string[] = [];
  const workingDays = count(detail.workingDays);
  if (workingDays !== null) parts.push(t('assessment.detail.workingDays', { count: workingDays }));
  const rating = count(detail.rating);
  if (rating !== null) parts.push(t('assessment.detail.rating', { rating }));
  const raters = count(detail.raters);
  if (raters !== null) parts.push(t('assessment.detail.raters', { count: raters }));
  const similarity = count(detail.similarity);
  if (similarity !== null) {
    parts.push(
      t('assessment.detail.similarity', { percent: Math.round(similarity <= 1 ? similarity * 100 : similarity) }),
    );
  }
  if (detail.status === 'declined' || detail.status === 'passed_on')
    parts.push(t(`assessment.detail.${detail.status}`));
  const period = text(detail.period);
  if (period) parts.push(t('assessment.detail.period', { period }));
  parts.push(...dates(detail, t));
  if (detail.capped === true) parts.push(t('assessment.detail.capped'));
  return parts.join(' · ');
}
