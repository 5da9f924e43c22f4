import { z } from 'zod';
import { FILE_SETTING_LIMITS, type FileSettings } from '../../shared/files-api.js';
import type { Actor } from '../auth/actor.js';
import type { Database, Executor } from '../db/connect.js';
import { settingsSection } from '../settings/settings-section.js';

const KEY = 'files';

/** The stored JSON, read leniently: a missing or out-of-range value falls back to the default. */
const storedValue = z.object({
  maxBytes: z
    .number()
    .int()
    .min(FILE_SETTING_LIMITS.maxBytesMin)
    .max(FILE_SETTING_LIMITS.maxBytesMax)
    .catch(FILE_SETTING_LIMITS.maxBytesDefault),
});

const section = settingsSection(KEY, storedValue, { maxBytes: FILE_SETTING_LIMITS.maxBytesDefault });

/** The current file settings (the upload size limit), with the version to send back on change. */
export function getFileSettings(db: Executor): Promise<FileSettings> {
  return section.get(db);
}

/** Changes the upload size limit if nobody changed the settings since `version` (409 otherwise). Administrators only. */
export function updateFileSettings(
  db: Database,
  input: { version: number; maxBytes: number; actor: Actor },
): Promise<FileSettings> {
  return section.update(db, { version: input.version, value: { maxBytes: input.maxBytes }, actor: input.actor });
}
