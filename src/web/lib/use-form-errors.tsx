import { Alert, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/http.js';
import { errorMessage } from './error-message.js';
import { applyFieldErrors } from './form-errors.js';

/** The message above a form: a version conflict (a warning: the form was reloaded) or another error. */
export interface FormError {
  text: string;
  isConflict: boolean;
}

/**
 * The error handling every edit form shares: API field errors go next to their fields, a version
 * conflict says the object changed (and, when the page reloads the object with a new `version`, the
 * form starts again from the latest values), anything else becomes one message above the form.
 */
export function useFormErrors(
  form: FormInstance,
  options: {
    fields: readonly string[];
    conflictText: string;
    version: number | null | undefined;
    message?: (error: unknown) => string;
  },
) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<FormError | null>(null);
  const { version } = options;

  useEffect(() => {
    if (version !== null && version !== undefined) form.resetFields();
  }, [version, form]);

  const handleError = (error: unknown) => {
    if (isApiError(error, 'version_conflict')) {
      setFormError({ text: options.conflictText, isConflict: true });
      return;
    }
    if (!applyFieldErrors(form, error, options.fields)) {
      setFormError({ text: options.message ? options.message(error) : errorMessage(error, t), isConflict: false });
    }
  };

  return { formError, clearFormError: () => setFormError(null), handleError };
}

/** Shows a form's error message, if any, above the form. */
export function FormErrorAlert({ error }: { error: FormError | null }) {
  if (!error) return null;
  return (
    <Alert type={error.isConflict ? 'warning' : 'error'} showIcon title={error.text} style={{ marginBottom: 16 }} />
  );
}
