import { localDate } from '../../domain/dates.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import { systemActor } from '../auth/actor.js';
import { hashPassword } from '../auth/password.js';
import { rebuildTaskStats, rebuildUnitClosure } from '../cockpit/cockpit-rebuild.repository.js';
import type { Database, Dialect } from '../db/connect.js';
import { DEMO_PASSWORD } from '../demo/demo-data.js';
import {
  countTasks,
  deleteTaskData,
  finishLoad,
  type GenWriter,
  nextIds,
  readCounters,
  withBulkLoad,
  writeCounters,
} from './gen.repository.js';
import { dayOf, zoneOffsetMinutes } from './gen-calendar.js';
import { GEN_CITY } from './gen-data.js';
import { ForestBuilder, indexUnits } from './gen-forest.js';
import { buildPeople, buildUnits, type GenOrganisation } from './gen-organisation.js';
import { findGeneratedRoot, loadGeneratedOrganisation, peopleRows, unitRows } from './gen-organisation.repository.js';
import { createRandom, type Random } from './gen-random.js';
import { buildSources } from './gen-sources.js';
import { countRows, newStats, overdueShare } from './gen-stats.js';
import { type GenRows, type RowContext, treeRows } from './gen-task-rows.js';

/** What to generate (the `luoshi gen` options). */
export interface GenOptions {
  units: number;
  users: number;
  tasks: number;
  seed: number;
  /** Delete existing tasks and sources first instead of refusing. */
  force: boolean;
  /** "Today" for deadlines and overdue shares (default: today in the configured zone). */
  today?: string;
}

/** The steps of a generation, as progress reports them. */
export type GenPhase = 'organisation' | 'tasks' | 'search index' | 'indexes' | 'summaries' | 'statistics';

/** A progress report: `done` of `total` in the current phase. */
export interface GenProgress {
  phase: GenPhase;
  done: number;
  total: number;
}

/** What was generated, for the summary `luoshi gen` prints. */
export interface GenSummary {
  units: number;
  people: number;
  reusedOrganisation: boolean;
  sources: number;
  tasks: number;
  taskUnits: number;
  events: number;
  byStatus: Record<string, number>;
  byDepth: number[];
  keyTasks: number;
  /** Share of open tasks (assigned, in progress, returned) past their deadline. */
  overdueShare: number;
  seconds: Record<GenPhase | 'total', number>;
  /** Accounts to sign in with (password DEMO_PASSWORD). */
  accounts: { supervisor: string; unitStaff: string; leader: string; password: string };
}

/** Refusal to generate over existing tasks without --force. */
export class GenRefusedError extends Error {
  constructor(readonly existingTasks: number) {
    super(`the database already has ${existingTasks} tasks; run with --force to delete them and generate anew.`);
    this.name = 'GenRefusedError';
  }
}

/** Tasks written per transaction. */
const CHUNK = 25_000;

/** The database to generate into (migrated) and the zone of "today". */
export interface GenDeps {
  db: Database;
  dialect: Dialect;
  /** The zone "today" is reckoned in (config.timeZone). */
  timeZone: string;
}

/**
 * Builds a synthetic organisation and task forest (issue 3, item 8) in a migrated database,
 * deterministic for a seed and a day. The organisation of an earlier run (found by its root unit,
 * 云河市) is reused; existing tasks make it refuse unless `force`, which deletes them first.
 */
export async function generateDataset(
  deps: GenDeps,
  options: GenOptions,
  onProgress: (progress: GenProgress) => void = () => {},
): Promise<GenSummary> {
  const { db, dialect } = deps;
  const started = performance.now();
  const existing = await countTasks(db);
  if (existing > 0 && !options.force) throw new GenRefusedError(existing);
  if (options.force) await deleteTaskData(db, dialect);
  const random = createRandom(options.seed);
  const now = new Date();
  const today = options.today ?? localDate(now, deps.timeZone);
  const seconds: GenSummary['seconds'] = {
    organisation: 0,
    tasks: 0,
    'search index': 0,
    indexes: 0,
    summaries: 0,
    statistics: 0,
    total: 0,
  };
  const phase = async <T>(name: GenPhase, work: () => Promise<T>): Promise<T> => {
    const mark = performance.now();
    onProgress({ phase: name, done: 0, total: name === 'tasks' ? options.tasks : 1 });
    const result = await work();
    seconds[name] = (performance.now() - mark) / 1000;
    return result;
  };
  let summary: Omit<GenSummary, 'seconds'> | undefined;
  await withBulkLoad(db, dialect, async (writer) => {
    const { organisation, reused } = await phase('organisation', () =>
      ensureOrganisation(writer, random, options, now.toISOString()),
    );
    const forest = await phase('tasks', () =>
      writeForest(writer, random, organisation, { ...options, today, now }, deps.timeZone, onProgress),
    );
    summary = { ...forest, reusedOrganisation: reused };
    await phase('search index', () => writer.rebuildSearchIndex());
    await phase('indexes', () => writer.restoreIndexes());
  });
  // The load set the task tables' triggers aside, the cockpit's summary ones with them.
  await phase('summaries', async () => {
    await rebuildUnitClosure(db);
    await rebuildTaskStats(db, dialect);
  });
  await phase('statistics', () => finishLoad(db, dialect));
  if (!summary) throw new Error('the generation ended without a summary');
  await insertAuditEntry(db, systemActor('gen'), {
    action: 'dataset.generate',
    objectType: 'dataset',
    objectId: null,
    detail: { units: summary.units, people: summary.people, tasks: summary.tasks, seed: options.seed, today },
  });
  seconds.total = (performance.now() - started) / 1000;
  return { ...summary, seconds };
}

async function ensureOrganisation(
  writer: GenWriter,
  random: Random,
  options: GenOptions,
  now: string,
): Promise<{ organisation: GenOrganisation; reused: boolean }> {
  const root = await findGeneratedRoot(writer.db, GEN_CITY);
  if (root) return { organisation: await loadGeneratedOrganisation(writer.db, root.path), reused: true };
  const ids = await nextIds(writer.db);
  const units = buildUnits(Math.max(1, options.units), ids.units, GEN_CITY);
  const people = buildPeople(units, Math.max(1, options.users), ids.users, random);
  // One argon2 hash for everyone: hashing 20,000 passwords would take minutes.
  const rows = peopleRows(people, await hashPassword(DEMO_PASSWORD), now);
  await writer.transaction(async () => {
    await writer.units.insert(unitRows(units, now));
    await writer.users.insert(rows.users);
    await writer.userRoles.insert(rows.roles);
    await writer.leaderUnits.insert(rows.charges);
  });
  return { organisation: { units, people }, reused: false };
}

function rowContext(
  random: Random,
  organisation: GenOrganisation,
  input: { today: string; offsetMinutes: number; sourceIds: number[]; counters: Map<number, number> },
): RowContext {
  const membersOf = new Map<number, number[]>();
  const headOf = new Map<number, number>();
  const inCharge = new Map<number, number>();
  for (const person of organisation.people) {
    if (person.role === 'unit_head' || person.role === 'unit_staff') {
      membersOf.set(person.unitId, [...(membersOf.get(person.unitId) ?? []), person.id]);
    }
    if (person.role === 'unit_head' && !headOf.has(person.unitId)) headOf.set(person.unitId, person.id);
    for (const unitId of person.unitsInCharge) if (!inCharge.has(unitId)) inCharge.set(unitId, person.id);
  }
  // The responsible leader of a unit: whoever is in charge of its nearest unit upwards.
  const leaderOf = new Map<number, number>();
  for (const unit of organisation.units) {
    const chain = unit.path.split('/').filter(Boolean).map(Number).reverse();
    const leader = chain.map((id) => inCharge.get(id)).find((id) => id !== undefined);
    if (leader !== undefined) leaderOf.set(unit.id, leader);
  }
  const supervisors = organisation.people.filter((p) => p.role === 'supervisor');
  return {
    random,
    today: dayOf(input.today),
    offsetMinutes: input.offsetMinutes,
    sourceIds: input.sourceIds,
    supervisors: supervisors.length ? supervisors : organisation.people.slice(0, 1),
    membersOf,
    headOf,
    leaderOf,
    counters: input.counters,
  };
}

async function writeForest(
  writer: GenWriter,
  random: Random,
  organisation: GenOrganisation,
  options: GenOptions & { today: string; now: Date },
  timeZone: string,
  onProgress: (progress: GenProgress) => void,
): Promise<Omit<GenSummary, 'seconds' | 'reusedOrganisation'>> {
  const ids = await nextIds(writer.db);
  const offsetMinutes = zoneOffsetMinutes(timeZone, options.now);
  const supervisorIds = organisation.people.filter((p) => p.role === 'supervisor').map((p) => p.id);
  const sources = buildSources(random, {
    count: options.tasks > 0 ? Math.max(1, Math.round(options.tasks / 500)) : 0,
    firstId: ids.sources,
    supervisorIds: supervisorIds.length ? supervisorIds : [organisation.people[0]?.id ?? 1],
    today: options.today,
    offsetMinutes,
  });
  await writer.transaction(() => writer.sources.insert(sources));
  const counters = await readCounters(writer.db);
  const ctx = rowContext(random, organisation, {
    today: options.today,
    offsetMinutes,
    sourceIds: sources.map((s) => s.id),
    counters,
  });
  const builder = new ForestBuilder(
    {
      random,
      units: organisation.units,
      people: organisation.people,
      today: options.today,
      firstTaskId: ids.tasks,
      total: options.tasks,
    },
    indexUnits(random, organisation.units),
  );
  const stats = newStats();
  let pending: GenRows = { tasks: [], taskUnits: [], events: [] };
  const flush = async () => {
    const rows = pending;
    pending = { tasks: [], taskUnits: [], events: [] };
    await writer.transaction(async () => {
      await writer.tasks.insert(rows.tasks);
      await writer.taskUnits.insert(rows.taskUnits);
      await writer.taskEvents.insert(rows.events);
    });
    onProgress({ phase: 'tasks', done: stats.tasks, total: options.tasks });
  };
  onProgress({ phase: 'tasks', done: 0, total: options.tasks });
  for (let tree = builder.nextTree(); tree; tree = builder.nextTree()) {
    const rows = treeRows(tree, ctx);
    countRows(stats, rows, options.today);
    pending.tasks.push(...rows.tasks);
    pending.taskUnits.push(...rows.taskUnits);
    pending.events.push(...rows.events);
    if (pending.tasks.length >= CHUNK) await flush();
  }
  if (pending.tasks.length) await flush();
  await writeCounters(writer.db, counters);
  return {
    units: organisation.units.length,
    people: organisation.people.length,
    sources: sources.length,
    tasks: stats.tasks,
    taskUnits: stats.taskUnits,
    events: stats.events,
    byStatus: stats.byStatus,
    byDepth: stats.byDepth,
    keyTasks: stats.keyTasks,
    overdueShare: overdueShare(stats),
    accounts: accountsOf(organisation),
  };
}

/** Accounts worth signing in with: the first supervisor and leader, and a staff member of a department. */
function accountsOf(organisation: GenOrganisation): GenSummary['accounts'] {
  const departments = new Set(
    organisation.units.filter((u) => u.kind === 'bureau' || u.kind === 'district_unit').map((u) => u.id),
  );
  const find = (role: string, where: (unitId: number) => boolean = () => true) =>
    organisation.people.find((p) => p.role === role && where(p.unitId))?.username ?? '';
  return {
    supervisor: find('supervisor'),
    unitStaff: find('unit_staff', (unitId) => departments.has(unitId)) || find('unit_staff'),
    leader: find('leader'),
    password: DEMO_PASSWORD,
  };
}
