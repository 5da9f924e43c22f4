import type { FormInstance } from 'antd';
import { ApiError } from '../api/http.js';
import { toNamePath } from './form-errors.js';

/** A form's fields: a plain field (null) or a list with the fields of each of its items. */
export type FieldLayout = Readonly<Record<string, readonly string[] | null>>;

type NamePath = Array<string | number>;

/** The form item an API field path lands on (`milestones.2.date`), or null when it has none. */
export function fieldNameFor(field: string, layout: FieldLayout): NamePath | null {
  const path = toNamePath(field);
  const [top, index, leaf] = path;
  if (typeof top !== 'string' || !(top in layout)) return null;
  const itemFields = layout[top];
  if (itemFields === null || itemFields === undefined) return path.length === 1 ? [top] : null;
  if (typeof index !== 'number' || typeof leaf !== 'string' || path.length !== 3) return null;
  return itemFields.includes(leaf) ? [top, index, leaf] : null;
}

/**
 * Shows the API's field errors next to the inputs of a form with lists (Form.List items), each
 * on its own item: `milestones.2.date` on the third milestone's date. Answers the name paths that
 * got an error, in the order given (empty: nothing landed; the caller shows a message instead).
 */
export function applyNestedFieldErrors(form: FormInstance, error: unknown, layout: FieldLayout): NamePath[] {
  if (!(error instanceof ApiError)) return [];
  const entries = [...error.errors];
  if (error.field && !entries.some((entry) => entry.field === error.field))
    entries.push({ field: error.field, code: error.code, detail: error.detail });
  const byPath = new Map<string, { name: NamePath; errors: string[] }>();
  for (const entry of entries) {
    const name = fieldNameFor(entry.field, layout);
    if (!name) continue;
    const key = name.join('.');
    const current = byPath.get(key) ?? { name, errors: [] };
    current.errors.push(entry.detail || error.detail);
    byPath.set(key, current);
  }
  const fields = [...byPath.values()];
  if (fields.length > 0) form.setFields(fields);
  return fields.map((field) => field.name);
}
