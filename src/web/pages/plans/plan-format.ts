import type { TFunction } from 'i18next';
import { formatDay } from '../tasks/task-view-model.js';
import { parseQuarter } from './plan-form-values.js';

// How plan values read: quarters, amounts with their unit, dates, and a diff's old and new values.

/** `2027-Q3` in words ("2027 年第 3 季度" / "Q3 2027"). */
export function quarterLabel(value: string, t: TFunction): string {
  const parsed = parseQuarter(value);
  return parsed ? t('plans.quarterLabel', { year: parsed.year, q: parsed.quarter }) : value;
}

/** A number in the UI language, with its unit of measure when there is one. */
export function formatAmount(value: number, measureUnit: string, locale: string): string {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(value);
  if (!measureUnit) return number;
  return measureUnit === '%' || measureUnit === '％' ? `${number}${measureUnit}` : `${number} ${measureUnit}`;
}

const DATE_FIELDS = new Set(['dueDate', 'startDate', 'endDate', 'date']);

/** One side of a field change in a diff, in people's words. */
export function formatChangeValue(
  field: string,
  value: unknown,
  context: { t: TFunction; locale: string; unitName: (id: number) => string },
): string {
  const { t, locale } = context;
  if (value === null || value === undefined || value === '') return t('plans.diff.empty');
  if (DATE_FIELDS.has(field) && typeof value === 'string') return formatDay(value, locale);
  if (field === 'ownerUnitId' && typeof value === 'number') return context.unitName(value);
  if (typeof value === 'boolean') return value ? t('plans.diff.yes') : t('plans.diff.no');
  if (typeof value === 'number') return new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(value);
  return String(value);
}
