import { localDate } from '../../domain/dates.js';
import type { StatusReportFormat } from '../../shared/status-reports-api.js';
import { type GenerateInput, generateStatusReport, type StatusReportDeps } from './status-report-build.service.js';
import { renderStatusReportFile, type StatusReportFile } from './status-report-document.js';

/** The report for the caller's scope rendered as a file. */
export async function statusReportFile(
  deps: StatusReportDeps,
  input: GenerateInput & { format: StatusReportFormat },
): Promise<StatusReportFile> {
  const report = await generateStatusReport(deps, input);
  const today = localDate(input.now ?? new Date(), deps.config.timeZone);
  return renderStatusReportFile(report, { locale: input.locale, today, format: input.format });
}
