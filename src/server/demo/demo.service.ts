import type { Actor } from '../auth/actor.js';
import type { Config } from '../config.js';
import type { Database } from '../db/connect.js';
import { assertAllowed, can } from '../policy.js';
import { createUnit, listUnits } from '../units/units.service.js';
import { findUserRowByUsername } from '../users/users.repository.js';
import { createUser } from '../users/users.service.js';
import { type DemoClosingLoopResult, loadDemoClosingLoop } from './demo-closing-loop.js';
import { DEMO_ORGANISATION, DEMO_PASSWORD, DEMO_PEOPLE, type DemoUnit } from './demo-data.js';
import { loadDemoPublicPage } from './demo-public.js';
import { loadDemoStatusReports } from './demo-status-reports.js';
import { type DemoTasksResult, loadDemoTasks } from './demo-tasks.js';

/** How many of one kind of thing the demo created, and which were there already. */
export interface DemoCounts {
  created: number;
  existing: number;
}

export interface DemoLoadResult {
  units: DemoCounts;
  users: DemoCounts & { existingUsernames: string[] };
  /**
   * Tasks of the demo work report with their plans, reports, evidence files and closure
   * applications: created now, or already there (loaded only when a config is given).
   */
  tasks: DemoTasksResult | null;
  /**
   * Assessment, review, rectification, cases, bulletin and accountability over the work report,
   * created now; null when there was no work report or they were already there.
   */
  closingLoop: DemoClosingLoopResult | null;
}

const siblingKey = (parentId: number | null, name: string) => `${parentId ?? 0}\u0000${name}`;

/**
 * Creates the demo units that are missing, matching existing ones by (parent, name) among active
 * units (the same rule that keeps sibling names unique). Returns the id of every keyed unit.
 */
async function ensureDemoUnits(db: Database, actor: Actor): Promise<{ counts: DemoCounts; ids: Map<string, number> }> {
  const existing = await listUnits(db, { includeArchived: false, actor });
  const bySibling = new Map(existing.map((unit) => [siblingKey(unit.parent_id, unit.name), unit.id]));
  const ids = new Map<string, number>();
  const counts: DemoCounts = { created: 0, existing: 0 };

  const visit = async (nodes: readonly DemoUnit[], parentId: number | null): Promise<void> => {
    for (const [index, node] of nodes.entries()) {
      let id = bySibling.get(siblingKey(parentId, node.name));
      if (id === undefined) {
        const unit = await createUnit(db, {
          name: node.name,
          shortName: node.shortName ?? null,
          aliases: node.aliases ?? [],
          parentId,
          sortOrder: (index + 1) * 10,
          actor,
        });
        id = unit.id;
        counts.created++;
      } else {
        counts.existing++;
      }
      if (node.key) ids.set(node.key, id);
      if (node.children) await visit(node.children, id);
    }
  };
  await visit(DEMO_ORGANISATION, null);
  return { counts, ids };
}

function unitId(ids: Map<string, number>, key: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`demo data refers to unknown unit key "${key}"`);
  return id;
}

/**
 * Loads the demo organisation (江川市) and its people, all with the password DEMO_PASSWORD.
 * Idempotent: units are matched by (parent, name) and people by username, and only what is
 * missing is created, through the ordinary services so every creation is audited.
 */
export async function loadDemo(
  db: Database,
  { actor, config }: { actor: Actor; config?: Config | undefined },
): Promise<DemoLoadResult> {
  assertAllowed(can.manageUnits(actor) && can.manageUsers(actor));
  const { counts: units, ids } = await ensureDemoUnits(db, actor);
  const users = { created: 0, existing: 0, existingUsernames: [] as string[] };
  for (const person of DEMO_PEOPLE) {
    if (await findUserRowByUsername(db, person.username)) {
      users.existing++;
      users.existingUsernames.push(person.username);
      continue;
    }
    await createUser(db, {
      username: person.username,
      displayName: person.displayName,
      password: DEMO_PASSWORD,
      unitId: unitId(ids, person.unit),
      roles: person.roles,
      unitsInChargeIds: (person.inCharge ?? []).map((key) => unitId(ids, key)),
      actor,
    });
    users.created++;
  }
  const tasks = config ? await loadDemoTasks(db, config, ids) : null;
  const closingLoop = config ? await loadDemoClosingLoop({ db, config }, ids) : null;
  if (config) await loadDemoPublicPage({ db, config });
  if (config) await loadDemoStatusReports({ db, config });
  return { units, users, tasks, closingLoop };
}
