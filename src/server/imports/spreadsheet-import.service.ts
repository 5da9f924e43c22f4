import { createHash } from 'node:crypto';
import type { SpreadsheetColumn, SpreadsheetImportResult } from '../../shared/spreadsheet-api.js';
import { SPREADSHEET_LIMITS } from '../../shared/spreadsheet-api.js';
import { TASK_LIMITS } from '../../shared/tasks.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { type Executor, nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { assertAllowed, can } from '../policy.js';
import { findSourceRow, insertSourceRow, type SourceRow } from '../sources/sources.repository.js';
import { taskClock } from '../tasks/task-clock.js';
import type { TaskChange } from '../tasks/task-history.js';
import { applyTransition } from '../tasks/task-transitions.service.js';
import type { TaskDeps } from '../tasks/tasks.service.js';
import { saveImportKeys } from './import-keys.repository.js';
import { createPlannedTasks } from './spreadsheet-create.js';
import { recordTaskChanges } from './spreadsheet-history.js';
import { loadSheetLookups, type SheetState } from './spreadsheet-lookups.js';
import { type ReadSheet, readSpreadsheet } from './spreadsheet-read.js';
import { summariseImport, type WriteOutcome } from './spreadsheet-summary.js';
import { canonicalHeader } from './spreadsheet-template.js';
import { updateFromRow } from './spreadsheet-update.js';
import { type PlannedRow, type RowProblem, validateSheet } from './spreadsheet-validate.js';

/** An import either happened (counts and per-row outcomes) or wrote nothing and says why, row by row. */
export type ImportOutcome = { ok: true; result: SpreadsheetImportResult } | { ok: false; problems: RowProblem[] };

/** A task rule refused a row while writing: rolls the whole import back, then reported as that row's problem. */
class RowRefused extends Error {
  constructor(readonly problem: RowProblem) {
    super(problem.code);
  }
}

/** Which sheet column an AppError's field is about. */
const FIELD_COLUMNS: Record<string, SpreadsheetColumn> = {
  title: 'title',
  deadline: 'deadline',
  leadUnitId: 'lead',
  cooperatingUnits: 'cooperating',
  responsibleLeaderId: 'leader',
};

/** Runs a write for one row; a task rule's refusal becomes that row's problem. */
async function forRow<T>(sheet: ReadSheet, row: PlannedRow, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    const column = error.field ? FIELD_COLUMNS[error.field] : undefined;
    const header = column ? (sheet.headers[column] ?? canonicalHeader(column)) : null;
    throw new RowRefused({
      row: row.row,
      column: header,
      code: 'task_rule',
      params: { rule: error.code, ...error.params },
    });
  }
}

/** The source a sheet goes to: the one named (re-import), or a new one called after the file. */
async function sourceFor(
  trx: Executor,
  input: ImportInput,
  named: SourceRow | undefined,
  now: string,
): Promise<{ row: SourceRow; isNew: boolean }> {
  if (named) return { row: named, isNew: false };
  const base = input.fileName.split(/[\\/]/).pop() ?? '';
  const title =
    base
      .replace(/\.xlsx$/i, '')
      .trim()
      .slice(0, TASK_LIMITS.sourceTitleMax) || 'xlsx';
  const row = await insertSourceRow(trx, {
    kind: 'document',
    title,
    doc_number: null,
    issuer: null,
    issued_on: null,
    full_text: null,
    content_hash: createHash('sha256').update(input.bytes).digest('hex'),
    created_by: input.actor.userId,
    created_at: now,
    updated_at: now,
    version: 1,
  });
  await insertAuditEntry(trx, input.actor, {
    action: 'source.create',
    objectType: 'source',
    objectId: row.id,
    detail: { title: row.title, docNumber: null, importedFrom: base },
  });
  return { row, isNew: true };
}

export interface ImportInput {
  bytes: Buffer;
  fileName: string;
  /** Attach to this source: rows whose 序号 an earlier import of it created update those tasks. */
  sourceId?: number | undefined;
  /** Assign (交办) the new tasks at once instead of leaving them as drafts. */
  assign?: boolean | undefined;
  actor: Actor;
}

/**
 * Imports a 任务分解表: reads the file, validates every row against the unit tree and the people,
 * and — only when no row has a problem — registers the source and the task tree (or updates the
 * tasks an earlier import of the source created) in one transaction. Problems found while writing
 * (a task rule refusing an update) roll everything back and are reported like the others.
 */
export async function importSpreadsheet(deps: TaskDeps, input: ImportInput): Promise<ImportOutcome> {
  assertAllowed(can.manageTasks(input.actor) && can.manageSources(input.actor));
  if (input.bytes.length > SPREADSHEET_LIMITS.maxBytes) {
    throw new AppError('file_too_large', { limit: `${SPREADSHEET_LIMITS.maxBytes / 1024 / 1024} MB` }, 'file');
  }
  const sheet = await readSpreadsheet(input.bytes, input.fileName);
  const clock = input.assign ? await taskClock(deps.db, deps.config) : undefined;
  try {
    return await inTransaction(deps.db, async (trx): Promise<ImportOutcome> => {
      const now = nowIso();
      const named = input.sourceId ? await findSourceRow(trx, input.sourceId) : undefined;
      if (input.sourceId && !named) throw new AppError('source_not_found', { id: input.sourceId }, 'sourceId');
      const state = await loadSheetLookups(trx, named?.id);
      const { problems, rows } = validateSheet(sheet, state.lookups, { assign: input.assign === true });
      if (problems.length > 0) return { ok: false, problems };
      const source = await sourceFor(trx, input, named, now);
      const outcome = await writeRows(trx, { ...deps, sheet, rows, state, source: source.row, input, now });
      if (clock) {
        for (const row of rows.filter((r) => outcome.created.has(r.key))) {
          const taskId = outcome.created.get(row.key) as number;
          await forRow(sheet, row, () =>
            applyTransition(trx, clock, { taskId, action: 'assign', version: 1, actor: input.actor }),
          );
        }
      }
      const counts = {
        created: outcome.created.size,
        updated: outcome.updated.size,
        unchanged: outcome.unchanged.size,
      };
      await insertAuditEntry(trx, input.actor, {
        action: 'import.spreadsheet',
        objectType: 'source',
        objectId: source.row.id,
        detail: { fileName: input.fileName, ...counts, assigned: Boolean(clock) },
      });
      return { ok: true, result: summariseImport(rows, state, source, outcome, Boolean(clock)) };
    });
  } catch (error) {
    if (error instanceof RowRefused) return { ok: false, problems: [error.problem] };
    throw error;
  }
}

/** Updates the rows an earlier import created, then creates the rest, and records the new keys. */
async function writeRows(
  trx: Executor,
  ctx: TaskDeps & {
    sheet: ReadSheet;
    rows: PlannedRow[];
    state: SheetState;
    source: SourceRow;
    input: ImportInput;
    now: string;
  },
): Promise<WriteOutcome> {
  const { state, input, now } = ctx;
  const updated = new Set<string>();
  const unchanged = new Set<string>();
  const plannedDeadlines = new Map<number, string | null>();
  for (const row of ctx.rows) {
    const task = state.tasksByKey.get(row.key);
    if (task) plannedDeadlines.set(task.id, row.deadline);
  }
  const updateContext = {
    trx,
    actor: input.actor,
    now,
    sourceId: ctx.source.id,
    unitPaths: state.unitPaths,
    plannedDeadlines,
  };
  const changes: TaskChange[] = [];
  for (const row of ctx.rows) {
    const task = state.tasksByKey.get(row.key);
    if (!task) continue;
    const change = await forRow(ctx.sheet, row, () =>
      updateFromRow(updateContext, row, task, state.unitsByTask.get(task.id) ?? []),
    );
    if (change) changes.push(change);
    (change ? updated : unchanged).add(row.key);
  }
  await recordTaskChanges(trx, input.actor, changes);
  const fresh = ctx.rows.filter((row) => !state.tasksByKey.has(row.key));
  const created = await createPlannedTasks(
    {
      trx,
      actor: input.actor,
      config: ctx.config,
      sourceId: ctx.source.id,
      now,
      unitPaths: state.unitPaths,
      existing: state.tasksByKey,
    },
    fresh,
  );
  await saveImportKeys(
    trx,
    [...created].map(([key, taskId]) => ({ source_id: ctx.source.id, row_key: key, task_id: taskId })),
  );
  return { created, updated, unchanged };
}
