import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import type { Database, Executor } from '../db/connect.js';
import { settingsSection } from '../settings/settings-section.js';

const KEY = 'closure';

/** The closure rules an administrator may tune, with the optimistic version to send back. */
export interface ClosureSettings {
  /** A key task's closure, once accepted by the supervision office, also needs a leader's confirmation. */
  leaderConfirmsKeyTasks: boolean;
  version: number;
}

const DEFAULTS = { leaderConfirmsKeyTasks: false };

/** The stored JSON, read leniently: a missing or broken value falls back to the default. */
const storedValue = z.object({ leaderConfirmsKeyTasks: z.boolean().catch(DEFAULTS.leaderConfirmsKeyTasks) });

const section = settingsSection(KEY, storedValue, DEFAULTS);

/** The current closure settings (migration 0010 creates the row with the default). */
export function getClosureSettings(db: Executor): Promise<ClosureSettings> {
  return section.get(db);
}

/** Changes the closure settings if nobody changed them since `version` (409 otherwise). Administrators only. */
export function updateClosureSettings(
  db: Database,
  input: { version: number; leaderConfirmsKeyTasks: boolean; actor: Actor },
): Promise<ClosureSettings> {
  return section.update(db, {
    version: input.version,
    value: { leaderConfirmsKeyTasks: input.leaderConfirmsKeyTasks },
    actor: input.actor,
  });
}
