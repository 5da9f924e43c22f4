import type { Role } from '../shared/roles.js';
import type { TaskRelation } from '../shared/tasks.js';
import type { Actor } from './auth/actor.js';
import { AppError } from './errors.js';

/**
 * Who may call a route at all. Every route declares one in `config.policy`; a test fails if any
 * route has none. Object-level rules (`can.*`) are then checked by the services.
 */
export type RoutePolicy = { kind: 'public' } | { kind: 'signedIn' } | { kind: 'roles'; roles: readonly Role[] };

export const allow = {
  /** Anyone, signed in or not (health, login, the OpenAPI document). */
  public: { kind: 'public' } as RoutePolicy,
  /** Any active signed-in person. */
  signedIn: { kind: 'signedIn' } as RoutePolicy,
  /** Signed-in people holding at least one of these roles. */
  roles: (...roles: Role[]): RoutePolicy => ({ kind: 'roles', roles }),
};

function hasAny(actor: Actor, roles: readonly Role[]): boolean {
  return roles.some((role) => actor.roles.has(role));
}

/** True when the actor passes a route policy. */
export function passesRoutePolicy(policy: RoutePolicy, actor: Actor | undefined): boolean {
  if (policy.kind === 'public') return true;
  if (!actor) return false;
  if (policy.kind === 'signedIn') return true;
  return hasAny(actor, policy.roles);
}

/** The rules, by name. Services call these; routes only declare the coarse RoutePolicy. */
export const can = {
  /** The organisation tree is needed by everyone (choosing units, reading names). */
  readUnits: (actor: Actor) => actor.userId !== null || actor.via === 'system',
  manageUnits: (actor: Actor) => actor.roles.has('admin'),
  /** People directory: administrators, the supervision office and auditors. */
  readUsers: (actor: Actor) => hasAny(actor, ['admin', 'supervisor', 'auditor']),
  manageUsers: (actor: Actor) => actor.roles.has('admin'),
  /** Only people (not the system) own tokens. */
  manageOwnTokens: (actor: Actor) => actor.userId !== null,
  changeOwnPassword: (actor: Actor) => actor.userId !== null && actor.via === 'session',
  /** The audit trail and its verification: auditors and administrators (and the CLI). */
  readAudit: (actor: Actor) => hasAny(actor, ['admin', 'auditor']),
  /** Sources (来源) are registered and edited by the supervision office. */
  manageSources: (actor: Actor) => hasAny(actor, ['supervisor', 'admin']),
  /** Registering, editing, decomposing and assigning tasks: the supervision office. */
  manageTasks: (actor: Actor) => hasAny(actor, ['supervisor', 'admin']),
  /** Seeing every task regardless of units: supervision, audit, administration. */
  seeAllTasks: (actor: Actor) => hasAny(actor, ['supervisor', 'auditor', 'admin']) || actor.via === 'system',
  /** The holiday calendar that working-day deadlines are reckoned by. */
  manageCalendar: (actor: Actor) => actor.roles.has('admin'),
  /** Organisation-wide settings (task acknowledgement period, …). */
  manageSettings: (actor: Actor) => actor.roles.has('admin'),
  /** Evidence files of a task are uploaded by its lead and cooperating units and by the supervision office. */
  uploadTaskFiles: (relations: readonly TaskRelation[]) =>
    relations.some((r) => r === 'lead_unit' || r === 'cooperating_unit' || r === 'supervisor' || r === 'admin'),
  /** A file is deleted by whoever uploaded it, the head of the unit it was uploaded for, or the supervision office. */
  deleteTaskFile: (
    actor: Actor,
    relations: readonly TaskRelation[],
    file: { uploadedBy: number | null; unitId: number | null },
  ) =>
    (actor.userId !== null && file.uploadedBy === actor.userId) ||
    (actor.roles.has('unit_head') && actor.unitId !== null && actor.unitId === file.unitId) ||
    relations.includes('supervisor') ||
    relations.includes('admin'),
  /** Urging or reminding by hand (催办), and the supervision desk: the supervision office. */
  urgeTasks: (actor: Actor) => hasAny(actor, ['supervisor', 'admin']),
  /** Webhooks to group robots: administrators set them up; the supervision office may see them. */
  readWebhooks: (actor: Actor) => hasAny(actor, ['admin', 'supervisor']),
  manageWebhooks: (actor: Actor) => actor.roles.has('admin'),
  /** The delivery log (addresses, errors): administrators. */
  readDeliveries: (actor: Actor) => actor.roles.has('admin'),
  /** Supervision notices (督办单) are issued, and their responses accepted or returned, by the supervision office. */
  superviseNotices: (actor: Actor) => hasAny(actor, ['supervisor', 'admin']),
  /** A notice is answered by the head or staff of the unit it is addressed to. */
  respondToNotice: (actor: Actor, unitId: number) =>
    actor.unitId === unitId && hasAny(actor, ['unit_head', 'unit_staff']),
  /**
   * An accountability record (问责) is read by the supervision office, auditors, the subject's
   * leaders (in charge of the subject unit, or of the subject person's unit, or of a unit above)
   * and the subject itself (the person; the head and staff of the subject unit) — never by an
   * administrator for being one. `subjectPaths` are the unit paths the subject sits in;
   * `leaderPaths` those of the units the caller is in charge of.
   */
  readAccountability: (
    actor: Actor,
    subject: { unitId: number | null; userId: number | null; subjectPaths: readonly string[] },
    leaderPaths: readonly string[],
  ) =>
    hasAny(actor, ['supervisor', 'auditor']) ||
    (actor.userId !== null && actor.userId === subject.userId) ||
    (subject.unitId !== null && actor.unitId === subject.unitId && hasAny(actor, ['unit_head', 'unit_staff'])) ||
    (actor.roles.has('leader') && subject.subjectPaths.some((path) => leaderPaths.some((p) => path.startsWith(p)))),
  /** Records are opened, evidenced, decided and dismissed by supervisors (an administrator cannot even see them). */
  superviseAccountability: (actor: Actor) => actor.roles.has('supervisor'),
  /** The subject answers a record: the person named, or the head or staff of the unit named. */
  answerAccountability: (actor: Actor, subject: { unitId: number | null; userId: number | null }) =>
    (actor.userId !== null && actor.userId === subject.userId) ||
    (subject.unitId !== null && actor.unitId === subject.unitId && hasAny(actor, ['unit_head', 'unit_staff'])),
};

/** Throws 403 unless the rule allowed it. */
export function assertAllowed(allowed: boolean): void {
  if (!allowed) throw new AppError('forbidden');
}
