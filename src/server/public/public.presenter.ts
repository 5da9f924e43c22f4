import type { ModeratedRating, PublicTaskSummary } from '../../shared/public-api.js';
import type { TaskStatus } from '../../shared/tasks.js';
import type { PublicTaskRow } from './public.repository.js';

// The public answers, field by field: a field not named here never reaches a visitor.

const LIGHTS = new Set(['green', 'amber', 'red']);

export function presentPublicSummary(row: PublicTaskRow): PublicTaskSummary {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    leadUnit:
      row.lead_unit_id !== null && row.lead_unit_name ? { id: row.lead_unit_id, name: row.lead_unit_name } : null,
    deadline: row.deadline,
    status: row.status as TaskStatus,
    progress: row.progress,
    light: row.health_light && LIGHTS.has(row.health_light) ? (row.health_light as 'green' | 'amber' | 'red') : null,
  };
}

export interface RatingListRow {
  id: number;
  task_id: number;
  task_number: string;
  task_title: string;
  rating: number;
  comment: string | null;
  status: string;
  created_at: string;
  moderated_at: string | null;
  version: number;
}

/** A rating as the moderators see it (no address hash). */
export function presentModeratedRating(row: RatingListRow): ModeratedRating {
  return {
    id: row.id,
    task: { id: row.task_id, number: row.task_number, title: row.task_title },
    rating: row.rating,
    comment: row.comment,
    status: row.status as ModeratedRating['status'],
    createdAt: row.created_at,
    moderatedAt: row.moderated_at,
    version: row.version,
  };
}
