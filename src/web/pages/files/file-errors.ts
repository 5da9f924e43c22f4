import type { TFunction } from 'i18next';
import { isApiError } from '../../api/http.js';
import { errorMessage } from '../../lib/error-message.js';
import { formatFileSize } from '../../lib/file-size.js';

/** Why an upload failed, naming the file: too large (413), not an allowed type (415), or else. */
export function uploadErrorMessage(
  error: unknown,
  context: { name: string; maxBytes: number | undefined; locale: string },
  t: TFunction,
): string {
  if (isApiError(error, 'file_too_large') || (isApiError(error) && error.status === 413)) {
    return context.maxBytes
      ? t('files.errors.tooLarge', { name: context.name, limit: formatFileSize(context.maxBytes, context.locale) })
      : t('files.errors.tooLargeNoLimit', { name: context.name });
  }
  if (isApiError(error, 'file_type_not_allowed') || (isApiError(error) && error.status === 415)) {
    return t('files.errors.typeNotAllowed', { name: context.name });
  }
  return t('files.errors.uploadFailed', { name: context.name, reason: errorMessage(error, t) });
}

/** Why a delete failed: still evidence of something submitted (409), or else. */
export function deleteErrorMessage(error: unknown, name: string, t: TFunction): string {
  if (isApiError(error, 'file_in_use')) return t('files.errors.inUse', { name });
  return errorMessage(error, t);
}
