import { EMAIL_KINDS, type UpdatePrefsInput } from '../../shared/channels-api.js';
import type { Locale } from '../../shared/locales.js';
import type { NotificationKind } from '../../shared/notifications-api.js';
import type { Actor } from '../auth/actor.js';
import { type Database, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { isLocale, parseKinds } from './channel-values.js';
import {
  findPrefsRow,
  findUserEmail,
  insertPrefsRow,
  type NotificationPrefsRow,
  updatePrefsRow,
} from './prefs.repository.js';

/** A person's notification preferences; `version` 0 until first saved (the defaults: everything on). */
export interface NotificationPrefs {
  locale: Locale | null;
  emailEnabled: boolean;
  digestEnabled: boolean;
  mutedKinds: NotificationKind[];
  version: number;
  hasEmail: boolean;
}

function requirePerson(actor: Actor): number {
  if (actor.userId === null) throw new AppError('forbidden');
  return actor.userId;
}

function toPrefs(row: NotificationPrefsRow | undefined, hasEmail: boolean): NotificationPrefs {
  const known = new Set<string>(EMAIL_KINDS);
  return {
    locale: row && isLocale(row.locale) ? row.locale : null,
    emailEnabled: row ? row.email_enabled !== 0 : true,
    digestEnabled: row ? row.digest_enabled !== 0 : true,
    mutedKinds: parseKinds(row?.muted_kinds).filter((kind): kind is NotificationKind => known.has(kind)),
    version: row?.version ?? 0,
    hasEmail,
  };
}

/** The caller's own preferences (defaults when never saved). */
export async function getMyNotificationPrefs(db: Database, input: { actor: Actor }): Promise<NotificationPrefs> {
  const userId = requirePerson(input.actor);
  const [row, email] = await Promise.all([findPrefsRow(db, userId), findUserEmail(db, userId)]);
  return toPrefs(row, email !== null);
}

/**
 * Replaces the caller's preferences if nobody changed them since `version` (0: never saved);
 * 409 otherwise, as when two tabs save at once.
 */
export async function updateMyNotificationPrefs(
  db: Database,
  input: UpdatePrefsInput & { actor: Actor },
): Promise<NotificationPrefs> {
  const userId = requirePerson(input.actor);
  const values = {
    locale: input.locale,
    email_enabled: input.emailEnabled ? 1 : 0,
    digest_enabled: input.digestEnabled ? 1 : 0,
    muted_kinds: JSON.stringify([...new Set(input.mutedKinds)].sort()),
    updated_at: nowIso(),
  };
  return inTransaction(db, async (trx) => {
    const row =
      input.version === 0
        ? await insertPrefsRow(trx, { user_id: userId, ...values, version: 1 })
        : await updatePrefsRow(trx, userId, input.version, values);
    if (!row) throw new AppError('version_conflict', { object: 'notification_prefs' });
    return toPrefs(row, (await findUserEmail(trx, userId)) !== null);
  });
}
