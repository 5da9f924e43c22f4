import type { TaskDetail } from '../../../shared/task-api.js';

/** The 督办单 (supervision notices) of the task (filled in by issue 5's work in progress). */
export function TaskNoticesSection(_props: { task: TaskDetail }) {
  return null;
}
