import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Executor } from '../db/connect.js';
import type { DB } from '../db/schema.js';
import type { CoordinationRow } from './coordination.repository.js';

// The queries behind the coordination queues and per-unit counts. The caller's scope is part of each
// query (never a filter afterwards): their unit's requests, a leader's subtrees by path prefix
// (units.path, the units_path index), or everything for the supervision office.

type Eb = ExpressionBuilder<DB, 'coordination_requests'>;

/** Who is asking for a queue and what they may see of it. */
export interface CoordinationScope {
  userId: number | null;
  /** The caller's unit when they act for it (unit head or staff). */
  unitId: number | null;
  /** Supervision, audit, administration: every request. */
  seesAll: boolean;
  /** A leader's units in charge, as path prefixes. */
  leaderPaths: readonly string[];
}

/** Escalated and not yet decided: no request continues it. */
function awaitsDecision(eb: Eb): Expression<SqlBool> {
  return eb.and([
    eb('coordination_requests.status', '=', 'escalated'),
    eb.not(
      eb.exists(
        eb
          .selectFrom('coordination_requests as next')
          .select('next.id')
          .whereRef('next.previous_id', '=', 'coordination_requests.id'),
      ),
    ),
  ]);
}

function underPaths(eb: Eb, column: 'from_unit_id' | 'to_unit_id', paths: readonly string[]): Expression<SqlBool> {
  return eb(
    `coordination_requests.${column}`,
    'in',
    eb
      .selectFrom('units')
      .select('units.id')
      .where((inner) => inner.or(paths.map((path) => inner('units.path', 'like', `${path}%`)))),
  );
}

/** Everything the caller may see in the queues: their unit's requests, a leader's subtrees, or all. */
function inScope(eb: Eb, scope: CoordinationScope): Expression<SqlBool> {
  if (scope.seesAll) return sql<SqlBool>`1 = 1`;
  const parts: Expression<SqlBool>[] = [];
  if (scope.unitId !== null) {
    parts.push(eb('coordination_requests.from_unit_id', '=', scope.unitId));
    parts.push(eb('coordination_requests.to_unit_id', '=', scope.unitId));
  }
  if (scope.userId !== null) {
    parts.push(eb('coordination_requests.to_leader_id', '=', scope.userId));
    parts.push(eb('coordination_requests.escalated_to_id', '=', scope.userId));
  }
  if (scope.leaderPaths.length > 0) {
    parts.push(underPaths(eb, 'from_unit_id', scope.leaderPaths));
    parts.push(underPaths(eb, 'to_unit_id', scope.leaderPaths));
  }
  return parts.length > 0 ? eb.or(parts) : sql<SqlBool>`1 = 0`;
}

/** One box of the queue (see COORDINATION_BOXES). */
function inBox(eb: Eb, box: string, scope: CoordinationScope): Expression<SqlBool> {
  const nobody = sql<SqlBool>`1 = 0`;
  switch (box) {
    case 'incoming': {
      const parts: Expression<SqlBool>[] = [];
      if (scope.unitId !== null) parts.push(eb('coordination_requests.to_unit_id', '=', scope.unitId));
      if (scope.userId !== null) parts.push(eb('coordination_requests.to_leader_id', '=', scope.userId));
      return parts.length > 0 ? eb.or(parts) : nobody;
    }
    case 'outgoing':
      return scope.unitId === null ? nobody : eb('coordination_requests.from_unit_id', '=', scope.unitId);
    case 'escalated': {
      const mine = scope.userId === null ? nobody : eb('coordination_requests.escalated_to_id', '=', scope.userId);
      return eb.and([eb('coordination_requests.status', '=', 'escalated'), scope.seesAll ? sql<SqlBool>`1 = 1` : mine]);
    }
    default:
      return inScope(eb, scope);
  }
}

/**
 * A page of the queue, newest first (keyset on id). `active`: open, accepted, or escalated and still
 * waiting for a decision; `late`: accepted with the commitment date passed.
 */
export function listQueueRows(
  db: Executor,
  filter: {
    scope: CoordinationScope;
    box: string;
    activeOnly: boolean;
    lateOnly: boolean;
    today: string;
    beforeId?: number | undefined;
    limit: number;
  },
): Promise<CoordinationRow[]> {
  let query = db
    .selectFrom('coordination_requests')
    .selectAll('coordination_requests')
    .where((eb) => inBox(eb, filter.box, filter.scope));
  if (filter.activeOnly) {
    query = query.where((eb) =>
      eb.or([eb('coordination_requests.status', 'in', ['open', 'accepted']), awaitsDecision(eb)]),
    );
  }
  if (filter.lateOnly) {
    query = query
      .where('coordination_requests.status', '=', 'accepted')
      .where('coordination_requests.commitment_date', '<', filter.today);
  }
  if (filter.beforeId !== undefined) query = query.where('coordination_requests.id', '<', filter.beforeId);
  return query.orderBy('coordination_requests.id', 'desc').limit(filter.limit).execute();
}

/**
 * Per unit asked: requests received, declined (a decline that reached the limit leaves the row
 * escalated with the decliner as responder), passed on, escalated, open and late. A request born
 * escalated (passed on at the limit: escalated_at = created_at) is the passer's bounce, not counted
 * against the unit it was passed to. Scoped like the queue, by the unit asked.
 */
export async function countByTargetUnit(
  db: Executor,
  input: { scope: CoordinationScope; today: string },
): Promise<
  Array<{
    unit_id: number;
    unit_name: string;
    received: number;
    declined: number;
    passed_on: number;
    escalated: number;
    open: number;
    late: number;
  }>
> {
  const { scope, today } = input;
  const rows = await db
    .selectFrom('coordination_requests as r')
    .innerJoin('units', 'units.id', 'r.to_unit_id')
    .select([
      'r.to_unit_id as unit_id',
      'units.name as unit_name',
      sql<number>`count(*)`.as('received'),
      sql<number>`sum(case when r.status = 'declined' or (r.status = 'escalated' and r.responded_by is not null) then 1 else 0 end)`.as(
        'declined',
      ),
      sql<number>`sum(case when r.status = 'passed_on' then 1 else 0 end)`.as('passed_on'),
      sql<number>`sum(case when r.status = 'escalated' then 1 else 0 end)`.as('escalated'),
      sql<number>`sum(case when r.status = 'open' then 1 else 0 end)`.as('open'),
      sql<number>`sum(case when r.status = 'accepted' and r.commitment_date < ${today} then 1 else 0 end)`.as('late'),
    ])
    .where(sql<SqlBool>`not (r.status = 'escalated' and r.escalated_at = r.created_at)`)
    .where((eb) => {
      if (scope.seesAll) return sql<SqlBool>`1 = 1`;
      const parts: Expression<SqlBool>[] = [];
      if (scope.unitId !== null) parts.push(eb('r.to_unit_id', '=', scope.unitId));
      for (const path of scope.leaderPaths) parts.push(eb('units.path', 'like', `${path}%`));
      return parts.length > 0 ? eb.or(parts) : sql<SqlBool>`1 = 0`;
    })
    .groupBy(['r.to_unit_id', 'units.name'])
    .execute();
  return rows.map((row) => ({
    unit_id: Number(row.unit_id),
    unit_name: row.unit_name,
    received: Number(row.received),
    declined: Number(row.declined),
    passed_on: Number(row.passed_on),
    escalated: Number(row.escalated),
    open: Number(row.open),
    late: Number(row.late),
  }));
}
