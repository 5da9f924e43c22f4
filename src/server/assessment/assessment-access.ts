import type { Role } from '../../shared/roles.js';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import { allow } from '../policy.js';

// Who may do what with assessment periods: the supervision office (supervisors, administrators)
// defines, computes and freezes them; leaders and the auditor read them; units do not (they meet
// the results in bulletins). Ratings: supervision, and leaders for units in their charge.

/** Route policies: writes by supervision, reads by supervision, leaders and auditors. */
export const assessmentPolicy = {
  manage: allow.roles('supervisor', 'admin'),
  read: allow.roles('supervisor', 'admin', 'leader', 'auditor'),
  rate: allow.roles('supervisor', 'admin', 'leader'),
} as const;

const has = (actor: Actor, roles: readonly Role[]) =>
  actor.via === 'system' || roles.some((role) => actor.roles.has(role));

export function canManageAssessment(actor: Actor): boolean {
  return has(actor, ['supervisor', 'admin']);
}

export function canReadAssessment(actor: Actor): boolean {
  return has(actor, ['supervisor', 'admin', 'leader', 'auditor']);
}

/** 403 unless the caller runs assessment. */
export function requireManage(actor: Actor): void {
  if (!canManageAssessment(actor)) throw new AppError('forbidden');
}

/** 403 unless the caller may read assessment results. */
export function requireRead(actor: Actor): void {
  if (!canReadAssessment(actor)) throw new AppError('forbidden');
}
