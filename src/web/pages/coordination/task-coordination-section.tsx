import type { TaskDetail } from '../../../shared/task-api.js';

/** The coordination requests (需协调事项) on the task (filled in by issue 5's work in progress). */
export function TaskCoordinationSection(_props: { task: TaskDetail }) {
  return null;
}
