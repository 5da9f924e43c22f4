import type { FormInstance } from 'antd';
import { ApiError } from '../api/http.js';

/** "body.aliases.0" or "aliases[0]" → ['aliases', 0], the path antd forms understand. */
export function toNamePath(field: string): Array<string | number> {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((part) => part !== '' && part !== 'body')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Shows the API's field errors next to the fields of `form` that exist.
 * Returns true when at least one error landed on a field; the caller shows the rest in an Alert.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, formFields: readonly string[]): boolean {
  if (!(error instanceof ApiError)) return false;
  const entries = [...error.errors];
  if (error.field && !entries.some((entry) => entry.field === error.field)) {
    entries.push({ field: error.field, code: error.code, detail: error.detail });
  }
  const byField = new Map<string, { name: Array<string | number>; errors: string[] }>();
  for (const entry of entries) {
    const name = toNamePath(entry.field);
    const top = name[0];
    if (typeof top !== 'string' || !formFields.includes(top)) continue;
    const key = top;
    const current = byField.get(key) ?? { name: [top], errors: [] };
    current.errors.push(entry.detail || error.detail);
    byField.set(key, current);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField.values()]);
  return true;
}
