import type { CaseAction } from '../../shared/cases-api.js';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { AppError } from '../errors.js';
import { type AdoptionRow, type CaseRow, type CaseScope, findCaseRow } from './cases.repository.js';

// Who sees and does what with cases (issue 7 item 5). The supervision office writes the library
// and sees drafts; published exemplary practices are open to everyone signed in; a negative
// example is a warning about a unit, so only the supervision office, leaders, auditors and that
// unit's own people see it. A unit asked to adopt a practice answers for itself.

/** The supervision office (and administrators, and the system) write and manage cases. */
export function isCaseManager(actor: Actor): boolean {
  return actor.roles.has('supervisor') || actor.roles.has('admin') || actor.via === 'system';
}

function isUnitMember(actor: Actor): boolean {
  return (actor.roles.has('unit_head') || actor.roles.has('unit_staff')) && actor.unitId !== null;
}

/** The caller's unit when they may act for it (head or staff), else null. */
export function memberUnitOf(actor: Actor): number | null {
  return isUnitMember(actor) ? actor.unitId : null;
}

/** The list scope of a caller (see CaseScope). */
export function caseScopeOf(actor: Actor): CaseScope {
  return {
    all: isCaseManager(actor),
    allNegative: actor.roles.has('leader') || actor.roles.has('auditor'),
    ownUnitId: memberUnitOf(actor),
  };
}

/** The same rule as the list scope, for one case. */
export function canSeeCase(actor: Actor, row: CaseRow): boolean {
  const scope = caseScopeOf(actor);
  if (scope.all) return true;
  if (row.status === 'draft') return false;
  if (row.kind === 'exemplary') return true;
  return scope.allNegative || (scope.ownUnitId !== null && scope.ownUnitId === row.unit_id);
}

/** The case if the caller may see it; 404 otherwise, so a hidden case looks like no case. */
export async function requireVisibleCase(db: Executor, actor: Actor, id: number): Promise<CaseRow> {
  const row = await findCaseRow(db, id);
  if (!row || !canSeeCase(actor, row)) throw new AppError('not_found', { object: 'case' });
  return row;
}

/** 403 unless the caller manages cases (after the 404 check, so hidden cases stay hidden). */
export function assertCaseManager(actor: Actor): void {
  if (!isCaseManager(actor)) throw new AppError('forbidden');
}

/** The caller may record this unit's answer: its own head or staff, or the supervision office. */
export function canAnswerAdoption(actor: Actor, row: CaseRow, adoption: Pick<AdoptionRow, 'unit_id'>): boolean {
  if (row.status !== 'published') return false;
  return isCaseManager(actor) || memberUnitOf(actor) === adoption.unit_id;
}

/** What the caller may do to the case now, given their own unit's adoption row (if asked). */
export function allowedCaseActions(actor: Actor, row: CaseRow, mine: AdoptionRow | undefined): CaseAction[] {
  const actions: CaseAction[] = [];
  if (isCaseManager(actor)) {
    if (row.status !== 'archived') actions.push('edit');
    if (row.status === 'draft') actions.push('publish');
    if (row.status === 'published') actions.push('archive');
    if (row.status === 'published' && row.kind === 'exemplary') actions.push('spread');
  }
  if (mine && memberUnitOf(actor) === mine.unit_id && canAnswerAdoption(actor, row, mine)) actions.push('adopt');
  return actions;
}

/** 409 case_action_illegal unless `action` is possible in the case's state (for a manager). */
export function assertCaseState(row: CaseRow, action: 'edit' | 'publish' | 'archive' | 'spread'): void {
  const ok =
    action === 'edit'
      ? row.status !== 'archived'
      : action === 'publish'
        ? row.status === 'draft'
        : action === 'archive'
          ? row.status === 'published'
          : row.status === 'published' && row.kind === 'exemplary';
  if (!ok) throw new AppError('case_action_illegal', { status: row.status, kind: row.kind });
}
