import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../api/audit.api.js';

// How audit entries read for people: known actions and object types in the UI language, anything
// newer than these lists as its code, so a new feature's entries are never hidden or mislabelled.

function messages<T>(t: TFunction, key: 'audit.actions' | 'audit.objectTypes'): T {
  return t(key, { returnObjects: true }) as unknown as T;
}

/** "修改单位" for `unit.update`; null when the action has no translation yet. */
export function actionLabel(t: TFunction, action: string): string | null {
  const [group = '', ...rest] = action.split('.');
  const actions = messages<Record<string, Record<string, string> | undefined>>(t, 'audit.actions');
  return actions[group]?.[rest.join('.')] ?? null;
}

/** "单位" for `unit`, else the type's code. */
export function objectTypeLabel(t: TFunction, objectType: string): string {
  return messages<Record<string, string | undefined>>(t, 'audit.objectTypes')[objectType] ?? objectType;
}

/** "单位 #42", or just the type when the entry concerns no single object. */
export function objectLabel(t: TFunction, entry: Pick<AuditEntry, 'objectType' | 'objectId'>): string {
  const type = objectTypeLabel(t, entry.objectType);
  return entry.objectId === null ? type : t('audit.objectRef', { type, id: entry.objectId });
}

/** The person who acted, or "系统（demo）" for the CLI and jobs, which record their name in the detail. */
export function actorLabel(t: TFunction, entry: Pick<AuditEntry, 'actor' | 'detail'>): string {
  if (entry.actor) return entry.actor.displayName;
  const by = entry.detail.by;
  return typeof by === 'string' && by ? t('audit.system', { name: by }) : t('audit.systemPlain');
}

/** A stored value as text: strings as they are, everything else as compact JSON. */
export function valueText(t: TFunction, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('audit.emptyValue');
  return typeof value === 'string' ? value : JSON.stringify(value);
}
