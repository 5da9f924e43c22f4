import type autocannon from 'autocannon';
import { collectTasks, getJson, type Session, signIn, type TaskItem, type UnitItem } from './bench-http.js';

// What the bench measures (issue 3, item 8), each request varied over a list of units, ids or
// search terms so that no cache flatters the numbers.

/** The target for a scenario. */
export interface Target {
  p99Ms: number;
  minRps?: number;
}

/** One measured request shape. */
export interface Scenario {
  name: string;
  /** Concurrent connections, when not the run's default (10). */
  connections?: number;
  /** The request, as a reader of the table should picture it. */
  example: string;
  target: Target;
  request: autocannon.Request;
}

/** Search terms from the generator's phrase lists: ≥ 3 characters (FTS5 trigram / pg_trgm)… */
const SEARCH_TERMS = [
  '老旧小区改造',
  '雨污分流',
  '充电桩',
  '营商环境',
  '竣工验收',
  '黑臭水体治理',
  '一网通办',
  '高标准农田',
  '可行性研究报告',
  '城东片区',
  '保障性租赁住房',
  '群众满意度',
  '施工招标',
  '燃气管道更新',
  '河湖长制',
  '口袋公园',
];
/** Tags the generator gives tasks (gen-data.ts TAGS), for the cockpit's tag filter. */
const COCKPIT_TAGS = ['民生实事', '重点项目', '省考指标'];
/** …and 2 characters (LIKE over the otherwise-filtered set). */
const SHORT_TERMS = ['改造', '整治', '招标', '防汛', '普惠', '管廊', '养老', '验收'];

/** A small deterministic shuffle, so two runs measure the same requests. */
function shuffled<T>(items: readonly T[], seed = 7): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function rotating<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length] as T;
}

function getRequest(session: Session, nextPath: () => string): autocannon.Request {
  return {
    method: 'GET',
    headers: { cookie: session.cookie },
    setupRequest: (request) => ({ ...request, path: `/api/v1${nextPath()}` }),
  };
}

/**
 * Sets the progress of leaves in turn, each with the version it has now: `versions` starts from the
 * sampled list and follows every 200 answer, so a 409 would mean a real conflict. autocannon stops
 * at its deadline without reading the answers still in flight; those leaves stay `pending` (their
 * version is unknown) and are skipped from then on.
 */
function progressRequest(
  session: Session,
  leaves: TaskItem[],
  versions: Map<number, number>,
  pending: Set<number>,
): autocannon.Request {
  const next = rotating(leaves.map((leaf) => leaf.id));
  let n = 0;
  return {
    method: 'PUT',
    headers: { cookie: session.cookie, 'content-type': 'application/json' },
    setupRequest: (request, context) => {
      let id = next();
      for (let tries = 0; pending.has(id) && tries < leaves.length; tries++) id = next();
      pending.add(id);
      (context as { leafId?: number }).leafId = id;
      const body = JSON.stringify({ version: versions.get(id), progress: (n++ * 7) % 101 });
      return { ...request, path: `/api/v1/tasks/${id}/progress`, body };
    },
    onResponse: (status, body, context) => {
      const id = (context as { leafId?: number }).leafId;
      if (id !== undefined) pending.delete(id);
      if (status !== 200) return;
      const task = JSON.parse(body) as { id: number; version: number };
      versions.set(task.id, task.version);
    },
  };
}

/** Who the bench signs in as (the generator's accounts). */
export interface BenchAccounts {
  supervisor: string;
  password: string;
}

/** Signs in, picks units, tasks, leaves and a unit staff member over HTTP, and builds the scenarios. */
export async function prepareScenarios(
  baseUrl: string,
  accounts: BenchAccounts,
  log: (line: string) => void,
): Promise<{ scenarios: Scenario[]; notes: string[] }> {
  const supervisor = await signIn(baseUrl, accounts.supervisor, accounts.password);
  const { items: units } = await getJson<{ items: UnitItem[] }>(supervisor, '/units');
  const root = units.find((u) => u.parentId === null && u.name === '云河市') ?? units[0];
  const top = units.filter((u) => u.parentId === root?.id);
  const second = shuffled(units.filter((u) => u.depth === 2)).slice(0, 40);
  const subtreeUnits = shuffled([...top, ...second]);
  const department = top.find((u) => u.name.startsWith('市') && !/办公室|纪委/.test(u.name)) ?? top[0];
  const { items: staffList } = await getJson<{ items: Array<{ username: string }> }>(
    supervisor,
    `/users?unitId=${department?.id}&role=unit_staff&limit=1`,
  );
  const staffName = staffList[0]?.username;
  if (!staffName) throw new Error(`no unit staff in ${department?.name}`);
  const staff = await signIn(baseUrl, staffName, accounts.password);
  log(`Sampling tasks as ${supervisor.username}; the scoped list signs in as ${staffName} (${department?.name})…`);
  const parents = await collectTasks(supervisor, 'parentId=root&sort=number', (t) => t.childCount > 0, 1000);
  const leaves = await collectTasks(
    supervisor,
    'status=in_progress&sort=-number',
    (t) => t.childCount === 0 && t.depth >= 2,
    8000,
  );
  const statuses = rotating(['in_progress', 'assigned,in_progress,returned', 'in_progress,returned']);
  const unitIds = rotating(subtreeUnits.map((u) => u.id));
  const subtreeList = (role: string) => () =>
    `/tasks?unitId=${unitIds()}&includeSubunits=true${role}&status=${statuses()}&overdue=true&limit=50`;
  const scopedQueries = rotating(['limit=50', 'status=in_progress&limit=50', 'overdue=true&limit=50']);
  const terms = rotating(shuffled(SEARCH_TERMS).map(encodeURIComponent));
  const shortTerms = rotating(shuffled(SHORT_TERMS).map(encodeURIComponent));
  const parentIds = rotating(shuffled(parents.map((t) => t.id)));
  const versions = new Map(leaves.map((leaf) => [leaf.id, leaf.version]));
  const pending = new Set<number>();
  const [someLeaves, otherLeaves] = [leaves.filter((_, i) => i % 2 === 0), leaves.filter((_, i) => i % 2 === 1)];
  const listTarget = { p99Ms: 50, minRps: 1000 };
  const scenarios: Scenario[] = [
    {
      name: 'list: unit subtree (lead) + status + overdue',
      example: 'GET /tasks?unitId=…&includeSubunits=true&unitRole=lead&status=in_progress&overdue=true&limit=50',
      target: listTarget,
      request: getRequest(supervisor, subtreeList('&unitRole=lead')),
    },
    {
      name: 'list: unit subtree (lead or cooperating) + status + overdue',
      example: 'GET /tasks?unitId=…&includeSubunits=true&status=in_progress&overdue=true&limit=50',
      target: listTarget,
      request: getRequest(supervisor, subtreeList('')),
    },
    {
      name: 'list: scoped to a unit staff member',
      example: 'GET /tasks?limit=50 (also status=…, overdue=true) as unit staff',
      target: listTarget,
      request: getRequest(staff, () => `/tasks?${scopedQueries()}`),
    },
    {
      name: 'detail with children',
      example: 'GET /tasks/:id (a task with subtasks)',
      target: { p99Ms: 20 },
      request: getRequest(supervisor, () => `/tasks/${parentIds()}`),
    },
    {
      name: 'search, 3+ characters',
      example: 'GET /tasks?q=老旧小区改造&limit=50',
      target: { p99Ms: 200 },
      request: getRequest(supervisor, () => `/tasks?q=${terms()}&limit=50`),
    },
    {
      name: 'search, 2 characters',
      example: 'GET /tasks?q=改造&limit=50',
      target: { p99Ms: 200 },
      request: getRequest(supervisor, () => `/tasks?q=${shortTerms()}&limit=50`),
    },
    {
      name: 'progress of a leaf, rolled up to the root',
      example: 'PUT /tasks/:id/progress {version, progress} (depth 2–3 leaves, each once per round)',
      target: { p99Ms: 10 },
      request: progressRequest(supervisor, shuffled(someLeaves), versions, pending),
    },
    {
      name: 'progress of a leaf, rolled up to the root (1 connection)',
      connections: 1,
      example: 'the same, one request at a time: the latency of a single update',
      target: { p99Ms: 10 },
      request: progressRequest(supervisor, shuffled(otherLeaves), versions, pending),
    },
  ];
  // Issue 8: the cockpit, for the whole organisation, one unit's subtree, under each summary filter,
  // and for a deputy leader's charge (several units); two viewers at once.
  const { items: sources } = await getJson<{ items: Array<{ id: number }> }>(supervisor, '/sources?limit=50');
  const leader = await signIn(baseUrl, 'leader.0002', accounts.password);
  const cockpitFilters = rotating([
    '',
    'keyOnly=true',
    ...shuffled(sources)
      .slice(0, 8)
      .map((source) => `sourceId=${source.id}`),
    ...COCKPIT_TAGS.map((tag) => `tag=${encodeURIComponent(tag)}`),
  ]);
  const cockpitUnits = rotating(subtreeUnits.map((u) => u.id));
  const cockpitTarget = { p99Ms: 200 };
  scenarios.push(
    {
      name: 'cockpit: whole organisation',
      connections: 2,
      example: 'GET /cockpit as the supervision office (also keyOnly=true)',
      target: cockpitTarget,
      request: getRequest(supervisor, rotating(['/cockpit', '/cockpit?keyOnly=true'])),
    },
    {
      name: 'cockpit: one unit subtree',
      connections: 2,
      example: 'GET /cockpit?unitId=… (departments and districts, depth 1–2)',
      target: cockpitTarget,
      request: getRequest(supervisor, () => `/cockpit?unitId=${cockpitUnits()}`),
    },
    {
      name: 'cockpit: a source, a tag or key tasks',
      connections: 2,
      example: 'GET /cockpit?sourceId=… | tag=民生实事 | keyOnly=true (whole organisation)',
      target: cockpitTarget,
      request: getRequest(supervisor, () => `/cockpit?${cockpitFilters()}`),
    },
    {
      name: "cockpit: a deputy leader's charge",
      connections: 2,
      example: 'GET /cockpit as leader.0002 (several units in charge)',
      target: cockpitTarget,
      request: getRequest(leader, () => '/cockpit'),
    },
  );
  const notes = [
    `subtree units: ${subtreeUnits.length} (${top.length} at depth 1, ${second.length} at depth 2)`,
    `detail ids: ${parents.length} root tasks with subtasks; progress leaves: ${leaves.length}`,
    `scoped user: ${staffName} of ${department?.name}`,
  ];
  return { scenarios, notes };
}
