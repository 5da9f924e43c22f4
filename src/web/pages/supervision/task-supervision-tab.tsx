import { Flex } from 'antd';
import type { TaskDetail } from '../../../shared/task-api.js';
import { TaskCoordinationSection } from '../coordination/task-coordination-section.js';
import { TaskExtensionsSection } from '../extensions/task-extensions-section.js';
import { TaskInstructionsSection } from '../instructions/task-instructions-section.js';
import { TaskNoticesSection } from '../notices/task-notices-section.js';
import { TaskHealthSection } from './task-health-section.js';

/**
 * The task's supervision (督办) tab: its health and the ladder's actions, then instructions,
 * supervision notices, extension requests and coordination requests — one tab rather than five, so
 * the tab bar still fits a phone.
 */
export function TaskSupervisionTab({ task }: { task: TaskDetail }) {
  return (
    <Flex vertical gap={24}>
      <TaskHealthSection task={task} />
      <TaskInstructionsSection task={task} />
      <TaskNoticesSection task={task} />
      <TaskExtensionsSection task={task} />
      <TaskCoordinationSection task={task} />
    </Flex>
  );
}
