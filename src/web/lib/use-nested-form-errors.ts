import type { FormInstance } from 'antd';
import { isApiError } from '../api/http.js';
import { applyNestedFieldErrors, type FieldLayout } from './nested-field-errors.js';
import { useFormErrors } from './use-form-errors.js';

/**
 * useFormErrors for a form with lists (a plan, a plan's part, a closure application): the API's
 * field errors land on the list items' fields, the first scrolled into view; any other error goes
 * above the form, and a version conflict also reloads the object (`onStale`).
 * `handleError` answers whether the errors landed on fields.
 */
export function useNestedFormErrors(
  form: FormInstance,
  options: { layout: FieldLayout; conflictText: string; version: number | undefined; onStale: () => void },
) {
  const { layout, onStale } = options;
  const errors = useFormErrors(form, { fields: [], conflictText: options.conflictText, version: options.version });

  const handleError = (error: unknown): boolean => {
    const [first] = applyNestedFieldErrors(form, error, layout);
    if (first) {
      form.scrollToField(first, { block: 'center' });
      return true;
    }
    errors.handleError(error);
    if (isApiError(error, 'version_conflict')) onStale();
    return false;
  };

  return { formError: errors.formError, clearFormError: errors.clearFormError, handleError };
}
