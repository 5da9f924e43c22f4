import type { TaskDetail } from '../../../shared/task-api.js';

/** The leader instructions (批示) on the task and the responses (filled in by issue 5's work in progress). */
export function TaskInstructionsSection(_props: { task: TaskDetail }) {
  return null;
}
