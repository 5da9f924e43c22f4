import { Card, Col, Flex, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../shared/task-api.js';
import {
  TaskDeadline,
  TaskHealthBadge,
  TaskKeyTag,
  TaskKindTag,
  TaskPriorityTag,
  TaskProgress,
  TaskStatusTag,
} from '../../components/task-badges.js';

interface TaskDetailHeaderProps {
  task: TaskDetail;
  actions: ReactNode;
  /** The progress editor, for leaves the caller may report on. */
  progressEditor?: ReactNode;
}

/** A small label over a value. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Flex vertical gap={4} style={{ minWidth: 0 }}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {label}
      </Typography.Text>
      <div>{children}</div>
    </Flex>
  );
}

/** The top of a task: number, title, status and flags; deadline, health, progress; the actions. */
export function TaskDetailHeader({ task, actions, progressEditor }: TaskDetailHeaderProps) {
  const { t } = useTranslation();
  return (
    <Card>
      <Flex vertical gap={16}>
        <Flex vertical gap={6}>
          <Flex align="center" gap={8} wrap>
            <Typography.Text type="secondary">{task.number}</Typography.Text>
            <TaskStatusTag status={task.status} />
            {task.isKey && <TaskKeyTag />}
            {task.kind === 'rectification' && <TaskKindTag />}
            {task.priority !== 'normal' && <TaskPriorityTag priority={task.priority} />}
          </Flex>
          <Typography.Title level={3} style={{ margin: 0, overflowWrap: 'anywhere' }}>
            {task.title}
          </Typography.Title>
        </Flex>
        <Row gutter={[16, 12]}>
          <Col xs={12} md={6}>
            <Fact label={t('tasks.fields.deadline')}>
              <TaskDeadline task={task} />
            </Fact>
          </Col>
          <Col xs={12} md={6}>
            <Fact label={t('tasks.fields.health')}>
              <TaskHealthBadge task={task} />
            </Fact>
          </Col>
          <Col xs={24} md={6}>
            <Fact label={t('tasks.fields.leadUnit')}>
              <Typography.Text style={{ overflowWrap: 'anywhere' }}>
                {task.leadUnit?.name ?? t('tasks.noLeadUnit')}
              </Typography.Text>
            </Fact>
          </Col>
          <Col xs={24} md={6}>
            <Fact label={task.childCount > 0 ? t('tasks.rolledUpProgress') : t('tasks.fields.progress')}>
              <TaskProgress task={task} />
            </Fact>
          </Col>
        </Row>
        {progressEditor}
        {actions}
      </Flex>
    </Card>
  );
}
