import type { z } from 'zod';
import { DOCUMENT_IMPORT_LIMITS, type importItemSchema } from '../../shared/document-import-api.js';
import type { Locale } from '../../shared/locales.js';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { AppError } from '../errors.js';
import { errorDetail } from '../i18n/messages.js';
import type { SourceRow } from '../sources/sources.repository.js';
import type { TaskClock } from '../tasks/task-clock.js';
import type { TaskFieldsInput } from '../tasks/task-fields.js';
import { applyTransition } from '../tasks/task-transitions.service.js';
import { findTaskRow, type TaskRow } from '../tasks/tasks.repository.js';
import type { TaskDeps } from '../tasks/tasks.service.js';
import { createImportedTask, updateImportedTask } from './document-import-tasks.js';
import { saveImportKeys } from './import-keys.repository.js';

// The reviewed tree of a document import, written item by item inside the import's transaction:
// parents before children, each item keyed by its path (`1.2`) so that importing the same
// document again updates the tasks it made; any refusal names the item and undoes everything.

export type ImportItem = z.output<typeof importItemSchema>;

/** One task the import wrote, with its place in the tree. */
export interface ImportedTask {
  task: TaskRow;
  created: boolean;
  /** `1.2`: the item's path, the import key. */
  path: string;
  field: string;
  title: string;
}

export interface WriteContext {
  trx: Executor;
  deps: TaskDeps;
  source: SourceRow;
  keys: Map<string, number>;
  actor: Actor;
  locale: Locale;
  written: ImportedTask[];
}

/** The task fields of an item: units only when it names some (else the parent's are inherited). */
function taskFieldsOf(item: ImportItem, sourceId: number): TaskFieldsInput {
  const hasUnits = item.leadUnitId !== null || item.cooperatingUnitIds.length > 0;
  const cooperating = [...new Set(item.cooperatingUnitIds)].filter((id) => id !== item.leadUnitId);
  return {
    sourceId,
    description: item.body?.trim() ? item.body : null,
    isKey: item.isKey ?? false,
    ...(hasUnits ? { leadUnitId: item.leadUnitId, cooperatingUnits: cooperating.map((unitId) => ({ unitId })) } : {}),
    ...(item.responsibleLeaderId ? { responsibleLeaderId: item.responsibleLeaderId } : {}),
    ...(item.deadline ? { deadline: item.deadline } : item.ongoing ? { deadline: null } : {}),
  };
}

const FIELD_NAMES: Record<string, string> = { cooperatingUnits: 'cooperatingUnitIds', startDate: 'deadline' };

/** Runs one item's write; a refusal names the item (its path and title) and points at its field. */
async function forItem<T>(
  ctx: WriteContext,
  at: { path: string; title: string; field: string },
  work: () => Promise<T>,
) {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError) || error.code === 'forbidden') throw error;
    const inner = error.field ? (FIELD_NAMES[error.field] ?? error.field) : 'title';
    throw new AppError(
      'import_item_failed',
      { item: `${at.path}「${at.title}」`, reason: errorDetail(ctx.locale, error.code, error.params) },
      `${at.field}.${inner}`,
    );
  }
}

/** Writes a level of the tree, parents before children: updates what an earlier import made, creates the rest. */
export async function writeItems(
  ctx: WriteContext,
  items: readonly ImportItem[],
  parent: { task: TaskRow; path: string; field: string } | null,
) {
  for (const [index, item] of items.entries()) {
    const path = parent ? `${parent.path}.${index + 1}` : String(index + 1);
    const place = {
      path,
      title: item.title.trim(),
      field: parent ? `${parent.field}.children.${index}` : `items.${index}`,
    };
    const fields = taskFieldsOf(item, ctx.source.id);
    const parentTask = parent?.task ?? null;
    const written = await forItem(ctx, place, async () => {
      const earlierId = ctx.keys.get(path);
      const earlier = earlierId ? await findTaskRow(ctx.trx, earlierId) : undefined;
      if (earlier && earlier.parent_id === (parentTask?.id ?? null)) {
        const task = await updateImportedTask(ctx.trx, {
          task: earlier,
          title: item.title,
          fields,
          parent: parentTask,
          actor: ctx.actor,
        });
        return { task, created: false };
      }
      const task = await createImportedTask(ctx.trx, ctx.deps, {
        title: item.title,
        fields,
        parent: parentTask,
        actor: ctx.actor,
      });
      await saveImportKeys(ctx.trx, [{ source_id: ctx.source.id, row_key: path, task_id: task.id }]);
      return { task, created: true };
    });
    ctx.written.push({ ...written, ...place });
    if (item.children?.length) await writeItems(ctx, item.children, { task: written.task, ...place });
  }
}

/** Refuses a tree with more items or levels than an import takes (zod limits each list, not the whole). */
export function checkTreeSize(items: readonly ImportItem[]): void {
  let count = 0;
  const walk = (level: readonly ImportItem[], depth: number) => {
    if (depth > DOCUMENT_IMPORT_LIMITS.depthMax) {
      throw new AppError(
        'validation_failed',
        { summary: `items: at most ${DOCUMENT_IMPORT_LIMITS.depthMax} levels` },
        'items',
      );
    }
    for (const item of level) {
      count += 1;
      walk(item.children ?? [], depth + 1);
    }
  };
  walk(items, 1);
  if (count > DOCUMENT_IMPORT_LIMITS.itemsMax) {
    throw new AppError('validation_failed', { summary: `items: at most ${DOCUMENT_IMPORT_LIMITS.itemsMax}` }, 'items');
  }
}

/** Assigns every written task still in draft; a task without a lead unit refuses the whole import. */
export async function assignAll(ctx: WriteContext, clock: TaskClock): Promise<void> {
  for (const entry of ctx.written) {
    await forItem(ctx, entry, async () => {
      const current = await findTaskRow(ctx.trx, entry.task.id);
      if (current?.status !== 'draft') return;
      if (!current.lead_unit_id) throw new AppError('lead_unit_required', {}, 'leadUnitId');
      entry.task = await applyTransition(ctx.trx, clock, {
        taskId: current.id,
        action: 'assign',
        version: current.version,
        actor: ctx.actor,
      });
    });
  }
}
