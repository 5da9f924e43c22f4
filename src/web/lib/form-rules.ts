import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { LIMITS } from '../../shared/limits.js';

/** Required, at least LIMITS.passwordMin and at most LIMITS.passwordMax characters. */
export function passwordRules(t: TFunction, field: string): FormRule[] {
  return [
    { required: true, message: t('validation.required', { field }) },
    { min: LIMITS.passwordMin, message: t('validation.minLength', { field, min: LIMITS.passwordMin }) },
    { max: LIMITS.passwordMax, message: t('validation.maxLength', { field, max: LIMITS.passwordMax }) },
  ];
}

/** The confirmation is required and must equal the field named `other`. */
export function confirmPasswordRules(t: TFunction, field: string, other: string): FormRule[] {
  return [
    { required: true, message: t('validation.required', { field }) },
    ({ getFieldValue }) => ({
      validator: (_rule, value: string | undefined) =>
        !value || value === getFieldValue(other)
          ? Promise.resolve()
          : Promise.reject(new Error(t('validation.passwordsMismatch'))),
    }),
  ];
}

/** A value that must be given (a number, a date, a choice), with a message naming the field. */
export function requiredValue(t: TFunction, field: string): FormRule[] {
  return [{ required: true, message: t('validation.required', { field }) }];
}

/** Required text of at most `max` characters, with messages naming the field. */
export function requiredText(t: TFunction, field: string, max: number): FormRule[] {
  return [
    { required: true, whitespace: true, message: t('validation.required', { field }) },
    { max, message: t('validation.maxLength', { field, max }) },
  ];
}

/** Optional text of at most `max` characters. */
export function optionalText(t: TFunction, field: string, max: number): FormRule[] {
  return [{ max, message: t('validation.maxLength', { field, max }) }];
}
