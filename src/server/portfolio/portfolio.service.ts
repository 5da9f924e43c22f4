import { localDate } from '../../domain/dates.js';
import { PORTFOLIO_LIMITS, type Portfolio } from '../../shared/portfolio-api.js';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import type { RouteDeps } from '../http/route-deps.js';
import { findUnitRow, findUnitRows } from '../units/units.repository.js';
import { presentPortfolio } from './portfolio.presenter.js';
import { countByUnit, listCappedTasks, unitNames } from './portfolio.repository.js';

/**
 * Which units a portfolio covers. A leader: their units in charge (each with its subtree), or one
 * unit inside that charge when `unitId` names it — anything else is the same 404, so unit ids
 * outside the charge do not leak. The supervision office and administrators (who see all tasks)
 * have no charge of their own unless they are also leaders; they name any unit with `unitId` to
 * preview the portfolio its leader sees.
 */
async function chargeOf(deps: RouteDeps, actor: Actor, unitId: number | undefined) {
  const leader = actor.roles.has('leader');
  const inCharge = leader ? await findUnitRows(deps.db, actor.unitsInCharge) : [];
  if (unitId === undefined) return inCharge;
  const unit = await findUnitRow(deps.db, unitId);
  if (!unit) throw new AppError('not_found', { object: 'unit' });
  const supervising = actor.roles.has('supervisor') || actor.roles.has('admin');
  if (!supervising && !inCharge.some((own) => unit.path.startsWith(own.path))) {
    throw new AppError('not_found', { object: 'unit' });
  }
  return [unit];
}

/** The caller's portfolio: open tasks led under the charge, grouped by lead unit with the lights. */
export async function getPortfolio(
  deps: RouteDeps,
  input: { actor: Actor; unitId?: number; keyOnly?: boolean },
): Promise<Portfolio> {
  const charge = await chargeOf(deps, input.actor, input.unitId);
  const today = localDate(new Date(), deps.config.timeZone);
  const filter = { paths: charge.map((unit) => unit.path), keyOnly: input.keyOnly ?? false, today };
  const [counts, tasks] = await Promise.all([
    countByUnit(deps.db, deps.dialect, filter),
    listCappedTasks(deps.db, deps.dialect, filter, PORTFOLIO_LIMITS.tasksPerUnit),
  ]);
  const units = await unitNames(
    deps.db,
    counts.map((row) => row.lead_unit_id),
  );
  return presentPortfolio({
    charge: charge.map((unit) => ({ id: unit.id, name: unit.name })),
    counts,
    tasks,
    units,
    today,
  });
}
