import type { TaskDetail } from '../../../shared/task-api.js';

/** The extension requests and the deadline history of the task (filled in by issue 5's work in progress). */
export function TaskExtensionsSection(_props: { task: TaskDetail }) {
  return null;
}
