import type { TaskDetail } from '../../../shared/task-api.js';

/** The the task's health light, reasons and ladder actions (filled in by issue 5's work in progress). */
export function TaskHealthSection(_props: { task: TaskDetail }) {
  return null;
}
