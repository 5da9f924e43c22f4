import type { ReportDetail, ReportDraftFields, ReportPart, TaskReports } from '../../api/reports.api.js';

// The report form's values and their translation to and from the API, kept pure for tests.

/** The four texts of a report, in the order the form shows them. */
export const REPORT_TEXT_FIELDS = ['doneText', 'problems', 'nextSteps', 'coordination'] as const;
export type ReportTextField = (typeof REPORT_TEXT_FIELDS)[number];

/** Everything the report form edits. Target values left blank are absent. */
export interface ReportFormValues extends Record<string, unknown> {
  doneText: string;
  problems: string;
  nextSteps: string;
  coordination: string;
  percent: number | null;
  targetValues: Record<string, number>;
  milestonesDone: string[];
  /** Empty when none is given. */
  explanation: string;
  /** What the public page shows once accepted; empty when none. */
  publicSummary: string;
  fileIds: number[];
}

/** The form's starting values: the report as the server holds it. */
export function reportFormValues(report: ReportDetail): ReportFormValues {
  return {
    doneText: report.doneText,
    problems: report.problems,
    nextSteps: report.nextSteps,
    coordination: report.coordination,
    percent: report.percent,
    targetValues: { ...report.targetValues },
    milestonesDone: [...report.milestonesDone],
    explanation: report.explanation ?? '',
    publicSummary: report.publicSummary ?? '',
    fileIds: report.files.map((file) => file.id),
  };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** What an antd form holds (blank inputs are null or missing) made into complete values. */
export function normalizeFormValues(raw: Partial<Record<keyof ReportFormValues, unknown>>): ReportFormValues {
  const targets: Record<string, number> = {};
  const rawTargets = raw.targetValues;
  if (rawTargets && typeof rawTargets === 'object') {
    for (const [id, value] of Object.entries(rawTargets)) {
      const number = numberOrNull(value);
      if (number !== null) targets[id] = number;
    }
  }
  const strings = (value: unknown) =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  const ids = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : []);
  return {
    doneText: text(raw.doneText),
    problems: text(raw.problems),
    nextSteps: text(raw.nextSteps),
    coordination: text(raw.coordination),
    percent: numberOrNull(raw.percent),
    targetValues: targets,
    milestonesDone: strings(raw.milestonesDone),
    explanation: text(raw.explanation),
    publicSummary: text(raw.publicSummary),
    fileIds: ids(raw.fileIds),
  };
}

/** True for a local copy that has the form's shape (it may come from an older version of the UI). */
export function isReportFormValues(values: unknown): values is ReportFormValues {
  if (typeof values !== 'object' || values === null) return false;
  const v = values as Partial<ReportFormValues>;
  return (
    REPORT_TEXT_FIELDS.every((field) => typeof v[field] === 'string') &&
    (v.percent === null || typeof v.percent === 'number') &&
    typeof v.targetValues === 'object' &&
    v.targetValues !== null &&
    Array.isArray(v.milestonesDone) &&
    typeof v.explanation === 'string' &&
    Array.isArray(v.fileIds)
  );
}

/** The changed fields as `PUT /reports/:id` takes them (an empty explanation is none). */
export function toDraftFields(changes: Partial<ReportFormValues>): ReportDraftFields {
  const fields: ReportDraftFields = {};
  for (const field of REPORT_TEXT_FIELDS) {
    const value = changes[field];
    if (value !== undefined) fields[field] = value;
  }
  if (changes.percent !== undefined) fields.percent = changes.percent;
  if (changes.targetValues !== undefined) fields.targetValues = changes.targetValues;
  if (changes.milestonesDone !== undefined) fields.milestonesDone = changes.milestonesDone;
  if (changes.explanation !== undefined) fields.explanation = changes.explanation.trim() ? changes.explanation : null;
  if (changes.publicSummary !== undefined)
    fields.publicSummary = changes.publicSummary.trim() ? changes.publicSummary : null;
  if (changes.fileIds !== undefined) fields.fileIds = changes.fileIds;
  return fields;
}

/**
 * The lead unit consolidates (汇总): a cooperating unit's part appended to each of its own texts,
 * headed by the unit's name. A text already copied is not copied twice.
 */
export function withPartCopied(
  values: ReportFormValues,
  part: Pick<ReportPart, 'unitName' | ReportTextField>,
): ReportFormValues {
  const next = { ...values };
  for (const field of REPORT_TEXT_FIELDS) {
    const addition = part[field].trim();
    if (!addition || values[field].includes(addition)) continue;
    const block = `【${part.unitName}】${addition}`;
    next[field] = values[field].trim() ? `${values[field].trimEnd()}\n${block}` : block;
  }
  return next;
}

/** True when copying the part would change nothing (everything in it is already there). */
export function isPartCopied(values: ReportFormValues, part: Pick<ReportPart, ReportTextField>): boolean {
  return REPORT_TEXT_FIELDS.every((field) => !part[field].trim() || values[field].includes(part[field].trim()));
}

/**
 * The unit's percent in its last accepted report of an earlier period: a report going below it
 * needs an explanation (the server's rule; the form shows the field before it is asked for).
 */
export function previousAcceptedPercent(
  reports: Pick<TaskReports, 'periods'> | undefined,
  report: Pick<ReportDetail, 'unitId' | 'period'>,
): number | null {
  for (const period of reports?.periods ?? []) {
    if (period.end >= report.period.end) continue;
    const slot = period.slots.find((s) => s.unitId === report.unitId && s.report?.status === 'accepted');
    if (slot?.report) return slot.report.percent;
  }
  return null;
}
