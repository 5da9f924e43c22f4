import type { TFunction } from 'i18next';
import { isApiError } from '../../api/http.js';
import { errorMessage } from '../../lib/error-message.js';

/** The 409s that mean "the report changed under you": reload it and say so. */
export function isStaleReportError(error: unknown): boolean {
  return isApiError(error, 'version_conflict') || isApiError(error, 'report_action_illegal');
}

/** What to tell people about a failed report call. */
export function reportErrorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error, 'version_conflict')) return t('reports.errors.conflict');
  if (isApiError(error, 'report_action_illegal')) return t('reports.errors.illegal');
  return errorMessage(error, t);
}
