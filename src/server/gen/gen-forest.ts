import type { TaskStatus } from '../../shared/tasks.js';
import { dayOf } from './gen-calendar.js';
import type { GenPerson, GenUnit } from './gen-organisation.js';
import { type Random, weightedPicker } from './gen-random.js';

// The shape of the task forest: trees up to four levels deep (depth 0–3), statuses drawn top-down
// so that a tree is coherent (a draft's subtasks are drafts, a closed task's are closed), deadlines
// that never pass the parent's, and the units and people of each task. gen-task-rows.ts turns a
// tree into rows; nothing here touches the database.

/** Chance of having children and how many, by depth (depth 3 tasks are leaves). */
const BRANCHING: ReadonlyArray<readonly [chance: number, min: number, max: number]> = [
  [0.6, 2, 8],
  [0.4, 2, 6],
  [0.3, 2, 5],
];
/** The deepest depth a generated task has (roots are depth 0). */
export const MAX_DEPTH = BRANCHING.length;

/** Expected tasks per tree, from BRANCHING: spreads the roots' registration dates evenly over the years. */
export function expectedTreeSize(depth = 0): number {
  const level = BRANCHING[depth];
  if (!level) return 1;
  const [chance, min, max] = level;
  return 1 + chance * ((min + max) / 2) * expectedTreeSize(depth + 1);
}

type Weights = ReadonlyArray<readonly [TaskStatus, number]>;

/**
 * Root statuses, chosen so that with CHILD_STATUS the whole forest comes out near 5% draft, 10%
 * assigned, 55% in progress, 5% closure requested, 3% returned, 2% suspended, 18% closed and 2%
 * cancelled (the summary prints the actual shares).
 */
const ROOT_STATUS: Weights = [
  ['draft', 5],
  ['assigned', 8.5],
  ['in_progress', 64],
  ['closure_requested', 4.5],
  ['returned', 3.5],
  ['suspended', 2],
  ['closed', 10.5],
  ['cancelled', 2],
];

/** A subtask's status given its parent's. */
const CHILD_STATUS: Record<TaskStatus, Weights> = {
  draft: [['draft', 1]],
  assigned: [['assigned', 1]],
  in_progress: [
    ['in_progress', 89],
    ['closure_requested', 4],
    ['returned', 2.5],
    ['closed', 2.5],
    ['assigned', 2],
  ],
  closure_requested: [
    ['closure_requested', 60],
    ['closed', 40],
  ],
  returned: [
    ['returned', 50],
    ['in_progress', 40],
    ['closed', 10],
  ],
  suspended: [['suspended', 1]],
  closed: [['closed', 1]],
  cancelled: [['cancelled', 1]],
};

/** Share of open tasks (assigned, in progress, returned) whose deadline has passed. */
const OVERDUE_SHARE = 0.07;

/** One task of a tree being built, before it becomes a row. */
export interface GenNode {
  id: number;
  parent: GenNode | null;
  depth: number;
  path: string;
  children: GenNode[];
  status: TaskStatus;
  /** Local day numbers (see gen-calendar.ts). */
  createdDay: number;
  startDay: number;
  deadlineDay: number | null;
  weight: number;
  lead: GenUnit;
  cooperating: GenUnit[];
  /** Index into the root's title pieces, for subtasks: which step they are. */
  step: number;
}

/** What the forest is built from. */
export interface ForestSetup {
  random: Random;
  units: readonly GenUnit[];
  people: readonly GenPerson[];
  today: string;
  /** Task ids start here. */
  firstTaskId: number;
  /** How many tasks to build in all. */
  total: number;
}

/** The organisation, indexed for drawing lead and cooperating units quickly. */
export interface UnitIndex {
  pickUnit: () => GenUnit;
  childrenOf: Map<number, GenUnit[]>;
}

/** Indexes the organisation for the forest builder. */
export function indexUnits(random: Random, units: readonly GenUnit[]): UnitIndex {
  const weight = { city: 0, bureau: 10, district: 3, district_unit: 5, section: 1, community: 0.3 } as const;
  const candidates = units.filter((u) => weight[u.kind] > 0);
  const pickUnit = weightedPicker(
    random,
    (candidates.length ? candidates : units).map((u) => [u, weight[u.kind] || 1]),
  );
  const childrenOf = new Map<number, GenUnit[]>();
  for (const unit of units) {
    if (unit.parentId === null) continue;
    const list = childrenOf.get(unit.parentId) ?? [];
    list.push(unit);
    childrenOf.set(unit.parentId, list);
  }
  return { pickUnit, childrenOf };
}

function cooperatingFor(random: Random, index: UnitIndex, lead: GenUnit): GenUnit[] {
  const count = random.weighted([
    [0, 35],
    [1, 35],
    [2, 20],
    [3, 10],
  ] as const);
  const chosen = new Map<number, GenUnit>();
  for (let i = 0; i < count * 2 && chosen.size < count; i++) {
    const unit = index.pickUnit();
    if (unit.id !== lead.id) chosen.set(unit.id, unit);
  }
  return [...chosen.values()];
}

function subtaskLead(random: Random, index: UnitIndex, parent: GenNode): GenUnit {
  const roll = random.next();
  if (roll < 0.5) return parent.lead;
  const below = index.childrenOf.get(parent.lead.id);
  if (roll < 0.8 && below?.length) return random.pick(below);
  if (roll < 0.9 && parent.cooperating.length) return random.pick(parent.cooperating);
  return index.pickUnit();
}

/** A deadline for a root task, by status: open tasks are mostly due in the future, some overdue. */
function rootDeadline(random: Random, status: TaskStatus, createdDay: number, today: number): number | null {
  const lastDay = dayOf('2027-12-31');
  if (random.chance(0.03)) return null;
  if (status === 'closed' || status === 'cancelled') return createdDay + random.int(30, 365);
  const overdueable = status === 'assigned' || status === 'in_progress' || status === 'returned';
  if (overdueable && random.chance(OVERDUE_SHARE)) return Math.max(createdDay + 7, today - random.int(1, 150));
  return today + random.int(1, Math.max(1, lastDay - today));
}

function weight(random: Random): number {
  return random.weighted([
    [1, 80],
    [2, 15],
    [3, 5],
  ] as const);
}

/** Builds trees one at a time, giving each its ids in parent-before-child order. */
export class ForestBuilder {
  private nextId: number;
  private built = 0;
  private rootIndex = 0;
  private readonly expectedRoots: number;
  private readonly firstDay = dayOf('2024-01-01');
  private readonly today: number;

  constructor(
    private readonly setup: ForestSetup,
    private readonly index: UnitIndex,
  ) {
    this.nextId = setup.firstTaskId;
    this.today = dayOf(setup.today);
    this.expectedRoots = Math.max(1, Math.round(setup.total / expectedTreeSize()));
  }

  /** True when every task has been built. */
  get done(): boolean {
    return this.built >= this.setup.total;
  }

  /** The next tree (a root and its descendants, preorder), or undefined when done. */
  nextTree(): GenNode[] | undefined {
    if (this.done) return undefined;
    const { random } = this.setup;
    const span = this.today - 1 - this.firstDay;
    const position = Math.min(1, (this.rootIndex++ + random.next()) / this.expectedRoots);
    const createdDay = this.firstDay + Math.floor(span * position);
    const status = random.weighted(ROOT_STATUS);
    const lead = this.index.pickUnit();
    const root = this.node(null, status, createdDay, rootDeadline(random, status, createdDay, this.today), lead, 0);
    root.cooperating = cooperatingFor(random, this.index, lead);
    const tree = [root];
    this.grow(root, tree);
    return tree;
  }

  private node(
    parent: GenNode | null,
    status: TaskStatus,
    createdDay: number,
    deadlineDay: number | null,
    lead: GenUnit,
    step: number,
  ): GenNode {
    const id = this.nextId++;
    this.built++;
    const startDay = deadlineDay === null ? createdDay : Math.min(createdDay, deadlineDay);
    return {
      id,
      parent,
      depth: parent ? parent.depth + 1 : 0,
      path: `${parent?.path ?? '/'}${id}/`,
      children: [],
      status,
      createdDay,
      startDay,
      deadlineDay,
      weight: parent ? weight(this.setup.random) : 1,
      lead,
      cooperating: [],
      step,
    };
  }

  private grow(parent: GenNode, tree: GenNode[]): void {
    const level = BRANCHING[parent.depth];
    const { random } = this.setup;
    if (!level || !random.chance(level[0])) return;
    const count = random.int(level[1], level[2]);
    const firstStep = random.int(0, 1000);
    for (let i = 0; i < count && !this.done; i++) {
      const status = random.weighted(CHILD_STATUS[parent.status]);
      const createdDay = Math.min(this.today - 1, parent.createdDay + random.int(0, 20));
      const deadlineDay =
        parent.deadlineDay === null
          ? null
          : Math.max(Math.min(createdDay + 7, parent.deadlineDay), parent.deadlineDay - random.int(0, 30));
      const lead = subtaskLead(random, this.index, parent);
      const child = this.node(parent, status, createdDay, deadlineDay, lead, firstStep + i);
      child.cooperating = random.chance(0.7)
        ? parent.cooperating.filter((u) => u.id !== lead.id)
        : cooperatingFor(random, this.index, lead);
      parent.children.push(child);
      tree.push(child);
      this.grow(child, tree);
    }
  }
}
