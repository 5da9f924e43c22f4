import type { Portfolio, PortfolioCounts, PortfolioTask } from '../../shared/portfolio-api.js';
import type { TaskStatus } from '../../shared/tasks.js';
import { presentHealth } from '../supervision/health.presenter.js';
import { OVERDUE_STATUSES } from '../tasks/task-list.repository.js';
import type { PortfolioTaskRow, UnitCountRow } from './portfolio.repository.js';

export function emptyCounts(): PortfolioCounts {
  return { total: 0, red: 0, amber: 0, green: 0, unlit: 0, overdue: 0 };
}

function presentCounts(row: UnitCountRow): PortfolioCounts {
  const { total, red, amber, green, overdue } = row;
  return { total, red, amber, green, unlit: total - red - amber - green, overdue };
}

function addCounts(into: PortfolioCounts, add: PortfolioCounts): void {
  for (const key of Object.keys(into) as Array<keyof PortfolioCounts>) into[key] += add[key];
}

export function presentPortfolioTask(row: PortfolioTaskRow, today: string): PortfolioTask {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    status: row.status as TaskStatus,
    parentId: row.parent_id,
    depth: row.depth,
    isKey: row.is_key === 1,
    deadline: row.deadline,
    progress: row.progress,
    overdue:
      (OVERDUE_STATUSES as readonly string[]).includes(row.status) && row.deadline !== null && row.deadline < today,
    health: presentHealth(row),
  };
}

/**
 * Groups the rows by lead unit, the worst unit first: most red, then most amber, then most
 * overdue, then by name — the order a leader reads "where do I need to look".
 */
export function presentPortfolio(input: {
  charge: Array<{ id: number; name: string }>;
  counts: UnitCountRow[];
  tasks: PortfolioTaskRow[];
  units: Array<{ id: number; name: string; path: string }>;
  today: string;
}): Portfolio {
  const unitById = new Map(input.units.map((unit) => [unit.id, unit]));
  const tasksByUnit = new Map<number, PortfolioTask[]>();
  for (const row of input.tasks) {
    const list = tasksByUnit.get(row.lead_unit_id) ?? [];
    list.push(presentPortfolioTask(row, input.today));
    tasksByUnit.set(row.lead_unit_id, list);
  }
  const totals = emptyCounts();
  const units = input.counts.map((row) => {
    const counts = presentCounts(row);
    addCounts(totals, counts);
    const tasks = tasksByUnit.get(row.lead_unit_id) ?? [];
    const unit = unitById.get(row.lead_unit_id);
    return {
      id: row.lead_unit_id,
      name: unit?.name ?? '',
      path: unit?.path ?? '',
      counts,
      tasks,
      more: counts.total - tasks.length,
    };
  });
  units.sort(
    (a, b) =>
      b.counts.red - a.counts.red ||
      b.counts.amber - a.counts.amber ||
      b.counts.overdue - a.counts.overdue ||
      a.name.localeCompare(b.name, 'zh-CN') ||
      a.id - b.id,
  );
  return { charge: input.charge, totals, units };
}
