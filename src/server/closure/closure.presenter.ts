import type { z } from 'zod';
import {
  type ClosureStatus,
  type closureRoundSchema,
  closureSnapshotSchema,
  type taskClosureSchema,
} from '../../shared/closure-api.js';
import type { Executor } from '../db/connect.js';
import { personNames } from '../users/people-names.repository.js';
import type { TaskClosure } from './closure.service.js';
import { parseTargetResults } from './closure-context.js';

type TaskClosureView = z.infer<typeof taskClosureSchema>;
type RoundView = z.infer<typeof closureRoundSchema>;

function parseSnapshot(json: string | null): RoundView['snapshot'] {
  if (!json) return null;
  try {
    const parsed = closureSnapshotSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A task's closure as the API answers it: fields listed one by one, people by name. */
export async function presentTaskClosure(db: Executor, closure: TaskClosure): Promise<TaskClosureView> {
  const { application } = closure;
  const people = await personNames(db, [
    ...(application?.created_by ? [application.created_by] : []),
    ...closure.rounds.flatMap((round) => (round.actor_user_id === null ? [] : [round.actor_user_id])),
  ]);
  const person = (id: number | null) => (id === null ? null : { id, displayName: people.get(id) ?? '' });
  return {
    application: application
      ? {
          id: application.id,
          taskId: application.task_id,
          unitId: application.unit_id,
          status: application.status as ClosureStatus,
          summary: application.summary,
          targetResults: parseTargetResults(application.target_results),
          evidence: closure.evidence,
          createdBy: person(application.created_by),
          createdAt: application.created_at,
          updatedAt: application.updated_at,
          submittedAt: application.submitted_at,
          decidedAt: application.decided_at,
          version: application.version,
        }
      : null,
    rounds: closure.rounds.map((round) => ({
      id: round.id,
      applicationId: round.application_id,
      at: round.at,
      actor: person(round.actor_user_id),
      action: round.action,
      reason: round.reason,
      snapshot: parseSnapshot(round.snapshot),
    })),
    targets: closure.targets.map((target) => ({
      id: target.id,
      name: target.name,
      measureUnit: target.measureUnit,
      baseline: target.baseline,
      targetValue: target.targetValue,
    })),
    allowedActions: closure.allowedActions,
    canEdit: closure.canEdit,
    evidenceRequired: closure.evidenceRequired,
    leaderConfirms: closure.leaderConfirms,
  };
}
