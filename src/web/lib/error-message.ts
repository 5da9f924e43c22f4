import type { TFunction } from 'i18next';
import { ERROR_CODES, type ErrorCode } from '../../shared/problem.js';
import { ApiError } from '../api/http.js';

function isKnownCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}

/**
 * What to tell a person about a failed call: the server's `detail` (already in their language),
 * else our translation of the code, else a generic sentence.
 */
export function errorMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  if (error.code === 'network_error') return t('errors.network');
  if (error.detail) return error.detail;
  if (error.code === 'unexpected_response') return t('errors.unexpected', { status: error.status });
  if (isKnownCode(error.code)) return t(`errors.codes.${error.code}`);
  return t('errors.generic');
}
