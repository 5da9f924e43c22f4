import type { TFunction } from 'i18next';
import type { ErrorCode } from '../../../shared/problem.js';
import { isApiError } from '../../api/http.js';
import { errorMessage } from '../../lib/error-message.js';

/** True when the error is an API answer with this code. */
export function hasErrorCode(error: unknown, code: ErrorCode): boolean {
  return isApiError(error, code);
}

/** The 409s that mean "the task changed under you": reload it and say so. */
export function isStaleTaskError(error: unknown): boolean {
  return isApiError(error, 'version_conflict') || isApiError(error, 'illegal_transition');
}

/** What to tell a person about a failed task call (the server's detail, else our words for the code). */
export function taskErrorMessage(error: unknown, t: TFunction): string {
  return errorMessage(error, t);
}

/** The message for a stale task: someone else changed it, or it moved to another status. */
export function staleTaskMessage(error: unknown, t: TFunction): string {
  return isApiError(error, 'illegal_transition') ? t('tasks.errors.illegalTransition') : t('tasks.errors.conflict');
}
