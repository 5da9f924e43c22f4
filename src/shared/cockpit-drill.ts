import type { TrajectoryBucket } from './cockpit-api.js';
import { OPEN_STATUSES } from './tasks.js';

// Every cockpit figure and chart element opens "the list behind it": the task list (GET /tasks and
// the /tasks page read the same query string) with filters that select exactly the tasks counted.
// One function, used by the web for its links and by the API tests to prove each list's length
// equals its figure.

/** What the cockpit shows: everything, one unit, or a leader's several units, under the filters. */
export interface CockpitView {
  /** null: everything (the viewer sees all); otherwise the units added up (with their subtrees). */
  unitIds: number[] | null;
  sourceId?: number | undefined;
  tag?: string | undefined;
  periodId?: number | undefined;
  keyOnly?: boolean | undefined;
}

export type DrillTarget =
  | { kind: 'open' | 'closed' | 'overdue' | 'stalledKey' | 'redKey' | 'closedOnTime' }
  | { kind: 'light'; light: 'red' | 'amber' | 'green' }
  | { kind: 'unit'; unitId: number; own?: boolean | undefined; light?: 'red' | 'amber' | 'green' | undefined }
  | { kind: 'unitOverdue'; unitId: number; own?: boolean | undefined; month?: string | undefined }
  | { kind: 'trajectory'; bucket: TrajectoryBucket }
  | { kind: 'completions'; month: string; onTime: boolean };

const OPEN = OPEN_STATUSES.join(',');

/** The last day of a `YYYY-MM` month. */
function monthEnd(month: string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

/** The task-list query string (as key → value) of one cockpit element. */
export function drillDownQuery(view: CockpitView, target: DrillTarget): Record<string, string> {
  const q: Record<string, string> = {};
  const unitId = target.kind === 'unit' || target.kind === 'unitOverdue' ? target.unitId : undefined;
  if (unitId !== undefined) {
    const own = (target.kind === 'unit' || target.kind === 'unitOverdue') && target.own === true;
    Object.assign(q, { unitId: String(unitId), includeSubunits: own ? 'false' : 'true', unitRole: 'lead' });
  } else if (view.unitIds?.length === 1) {
    Object.assign(q, { unitId: String(view.unitIds[0]), includeSubunits: 'true', unitRole: 'lead' });
  } else if (view.unitIds) q.leadUnits = view.unitIds.join(',');
  if (view.sourceId !== undefined) q.sourceId = String(view.sourceId);
  if (view.tag !== undefined) q.tag = view.tag;
  if (view.periodId !== undefined) q.periodId = String(view.periodId);
  if (view.keyOnly) q.isKey = 'true';
  switch (target.kind) {
    case 'open':
      q.status = OPEN;
      break;
    case 'closed':
      q.status = 'closed';
      break;
    case 'closedOnTime':
      Object.assign(q, { status: 'closed', onTime: 'true' });
      break;
    case 'overdue':
      q.overdue = 'true';
      break;
    case 'stalledKey':
      Object.assign(q, { status: OPEN, isKey: 'true', flag: 'stalled' });
      break;
    case 'redKey':
      Object.assign(q, { status: OPEN, isKey: 'true', light: 'red' });
      break;
    case 'light':
      Object.assign(q, { status: OPEN, light: target.light });
      break;
    case 'unit':
      q.status = OPEN;
      if (target.light) q.light = target.light;
      break;
    case 'unitOverdue':
      q.overdue = 'true';
      if (target.month) Object.assign(q, { deadlineFrom: `${target.month}-01`, deadlineTo: monthEnd(target.month) });
      break;
    case 'trajectory':
      Object.assign(q, { status: OPEN, isKey: 'true', trajectory: target.bucket });
      break;
    case 'completions':
      Object.assign(q, {
        status: 'closed',
        closedFrom: `${target.month}-01`,
        closedTo: monthEnd(target.month),
        onTime: String(target.onTime),
      });
      break;
  }
  return q;
}

/** The /tasks page address of one cockpit element. */
export function drillDownHref(view: CockpitView, target: DrillTarget): string {
  return `/tasks?${new URLSearchParams(drillDownQuery(view, target)).toString()}`;
}
