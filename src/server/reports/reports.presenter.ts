import type { z } from 'zod';
import { DUPLICATE_SIMILARITY, type ReportStatus, type reportSummarySchema } from '../../shared/reports-api.js';
import type { ReportSummaryRow } from './reports.repository.js';

/** A report as lists show it: fields listed one by one, so nothing else leaves by accident. */
export function presentSummary(
  row: ReportSummaryRow,
  unitNames: ReadonlyMap<number, string>,
): z.infer<typeof reportSummarySchema> {
  return {
    id: row.id,
    periodId: row.period_id,
    taskId: row.task_id,
    unitId: row.unit_id,
    unitName: unitNames.get(row.unit_id) ?? '',
    role: row.role,
    status: row.status as ReportStatus,
    percent: row.percent,
    submittedAt: row.submitted_at,
    lateWorkingDays: row.late_working_days,
    similarity: row.similarity,
    similarReportId: row.similar_report_id,
    flagged: row.similarity !== null && row.similarity >= DUPLICATE_SIMILARITY,
    updatedAt: row.updated_at,
    version: row.version,
  };
}
