import type { z } from 'zod';
import { localDate } from '../../domain/dates.js';
import type { Locale } from '../../shared/locales.js';
import { type exportTasksQuery, SPREADSHEET_COLUMNS, SPREADSHEET_LIMITS } from '../../shared/spreadsheet-api.js';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import type { TaskSummaryView } from '../tasks/task.presenter.js';
import { getTaskTree, listTasks, type QueryDeps } from '../tasks/task-query.service.js';
import { unitNames } from '../units/unit-names.repository.js';
import { taskDescriptions } from './spreadsheet.repository.js';
import { csvBytes } from './spreadsheet-csv.js';
import { buildTemplateWorkbook, exportFileBase, HEADERS } from './spreadsheet-template.js';

// Exports tasks to the 任务分解表 template, so the file re-imports to the same tree: the tasks of
// the list (the caller's filters and scope, through the list query itself) or one task's tree,
// numbered 1, 1.1, 1.2… from the hierarchy, units and leaders by name.

type ExportQuery = z.output<typeof exportTasksQuery>;

/** Rows fetched a page at a time through the list query (its maximum page). */
const PAGE = 200;

/** One line of the sheet, every cell as text except the deadline. */
interface ExportLine {
  number: string;
  title: string;
  lead: string;
  cooperating: string;
  leader: string;
  deadline: string | null;
  remarks: string;
}

/** Every task the list shows the caller for these filters, keyset page by keyset page; beyond the cap, 422. */
async function collect(deps: QueryDeps, query: ExportQuery, actor: Actor, max: number): Promise<TaskSummaryView[]> {
  if (query.rootId) {
    const tree = await getTaskTree(deps, { taskId: query.rootId, actor });
    if (tree.length > max) throw new AppError('export_too_large', { limit: max });
    return tree;
  }
  const { rootId: _root, lang: _lang, ...filters } = query;
  const items: TaskSummaryView[] = [];
  let cursor: string | undefined;
  do {
    const page = await listTasks(deps, { ...filters, limit: PAGE, cursor, actor });
    items.push(...page.items);
    if (items.length > max) throw new AppError('export_too_large', { limit: max });
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/**
 * The tasks in tree order with their 序号: a task whose parent is exported too goes under it;
 * the others are top-level. Siblings in registration order (by id), as a 任务分解表 lists them.
 */
export function numberTasks<T extends { id: number; parentId: number | null }>(
  tasks: readonly T[],
): Array<[string, T]> {
  const present = new Set(tasks.map((task) => task.id));
  const children = new Map<number | null, T[]>();
  for (const task of [...tasks].sort((a, b) => a.id - b.id)) {
    const parent = task.parentId !== null && present.has(task.parentId) ? task.parentId : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(task);
    else children.set(parent, [task]);
  }
  const out: Array<[string, T]> = [];
  const walk = (parent: number | null, prefix: string) => {
    for (const [index, task] of (children.get(parent) ?? []).entries()) {
      const key = `${prefix}${index + 1}`;
      out.push([key, task]);
      walk(task.id, `${key}.`);
    }
  };
  walk(null, '');
  return out;
}

async function toLines(deps: QueryDeps, tasks: TaskSummaryView[]): Promise<ExportLine[]> {
  const [names, descriptions] = await Promise.all([
    unitNames(
      deps.db,
      tasks.flatMap((task) => task.cooperatingUnitIds),
    ),
    taskDescriptions(
      deps.db,
      tasks.map((task) => task.id),
    ),
  ]);
  return numberTasks(tasks).map(([number, task]) => ({
    number,
    title: task.title,
    lead: task.leadUnit?.name ?? '',
    cooperating: task.cooperatingUnitIds
      .map((id) => names.get(id) ?? '')
      .filter(Boolean)
      .join('、'),
    leader: task.responsibleLeader?.displayName ?? '',
    deadline: task.deadline,
    remarks: descriptions.get(task.id) ?? '',
  }));
}

/** A calendar date as the UTC midnight Excel reads back as that date. */
function excelDate(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

async function xlsxBytes(lines: ExportLine[], locale: Locale): Promise<Buffer> {
  const { workbook, sheet } = buildTemplateWorkbook(locale);
  for (const line of lines) sheet.addRow({ ...line, deadline: line.deadline ? excelDate(line.deadline) : null });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The caller's tasks (list filters, or `rootId`'s tree) as a 任务分解表, .xlsx or CSV, never
 * beyond what the caller may see: the list query and the tree apply the caller's scope.
 */
export async function exportTasks(
  deps: QueryDeps,
  input: {
    query: ExportQuery;
    format: 'xlsx' | 'csv';
    actor: Actor;
    locale: Locale;
    /** At most this many tasks (SPREADSHEET_LIMITS.exportMax unless told). */
    max?: number;
  },
): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const max = input.max ?? SPREADSHEET_LIMITS.exportMax;
  const lines = await toLines(deps, await collect(deps, input.query, input.actor, max));
  const stamp = localDate(new Date(), deps.config.timeZone);
  const fileName = `${exportFileBase(input.locale)}-${stamp}.${input.format}`;
  if (input.format === 'csv') {
    const header = SPREADSHEET_COLUMNS.map((column) => HEADERS[input.locale][column]);
    const body = lines.map((line) => SPREADSHEET_COLUMNS.map((column) => line[column] ?? ''));
    return { fileName, contentType: 'text/csv; charset=utf-8', body: csvBytes([header, ...body]) };
  }
  return {
    fileName,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await xlsxBytes(lines, input.locale),
  };
}
