import { BellOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Empty, Flex, List, Row, Segmented, Skeleton, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { HealthFlag, HealthLight } from '../../../shared/health-api.js';
import { lightName } from '../../../shared/health-terms.js';
import type { Desk } from '../../api/supervision.api.js';
import { useDesk } from '../../api/supervision.queries.js';
import { useTaskPages } from '../../api/tasks.queries.js';
import { LoadError } from '../../components/load-error.js';
import { PageHeader } from '../../components/page-header.js';
import { TaskDeadline, TaskHealthBadge } from '../../components/task-badges.js';
import { currentLocale } from '../../i18n/index.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { CoordinationStatsCard } from '../coordination/coordination-stats-card.js';
import { formatDay } from '../tasks/task-view-model.js';
import { ActionKindTag, ActionList } from './action-list.js';
import { UrgeModal } from './urge-modal.js';

const LIGHT_COLORS: Record<HealthLight, string> = { red: '#cf1322', amber: '#d48806', green: '#389e0d' };
const FLAGS: HealthFlag[] = ['overdue', 'reportMissing', 'stalled', 'unacknowledged'];
const QUEUES = [
  { path: '/notices', key: 'notices' },
  { path: '/extensions', key: 'extensions' },
  { path: '/coordination', key: 'coordination' },
  { path: '/instructions', key: 'instructions' },
] as const;

/** Open tasks by light and flag; each figure opens the task list behind it. */
function Figures({ desk }: { desk: Desk }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Row gutter={[12, 12]}>
      {(['red', 'amber', 'green'] as const).map((light) => (
        <Col key={light} xs={8} md={4}>
          <Link to={`/tasks?light=${light}&sort=deadline`} aria-label={t('supervision.desk.openList')}>
            <Card size="small" hoverable>
              <Statistic
                title={lightName(light, locale)}
                value={desk.lights[light]}
                valueStyle={{ color: LIGHT_COLORS[light] }}
              />
            </Card>
          </Link>
        </Col>
      ))}
      {FLAGS.map((flag) => (
        <Col key={flag} xs={12} md={3}>
          <Link to={`/tasks?flag=${flag}&sort=deadline`}>
            <Card size="small" hoverable>
              <Statistic title={t(`supervision.flags.${flag}`)} value={desk.flags[flag]} />
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}

/** The red and amber tasks, soonest deadline first, to pick and urge in one go. */
function TasksToUrge() {
  const { t } = useTranslation();
  const [light, setLight] = useState<HealthLight>('red');
  const [selected, setSelected] = useState<number[]>([]);
  const [isUrging, setIsUrging] = useState(false);
  const pages = useTaskPages({ light: [light], sort: 'deadline' });
  const tasks = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const toggle = (id: number, checked: boolean) =>
    setSelected((ids) => (checked ? [...ids, id] : ids.filter((other) => other !== id)));
  return (
    <Card
      title={t('supervision.desk.toUrge')}
      extra={
        <Button
          type="primary"
          icon={<BellOutlined />}
          disabled={selected.length === 0}
          onClick={() => setIsUrging(true)}
        >
          {t('supervision.desk.urgeSelected', { count: selected.length })}
        </Button>
      }
      styles={{ header: { flexWrap: 'wrap', gap: 8, paddingBlock: 8 } }}
    >
      <Segmented<HealthLight>
        value={light}
        onChange={(next) => {
          setLight(next);
          setSelected([]);
        }}
        options={(['red', 'amber'] as const).map((value) => ({ value, label: lightName(value, currentLocale()) }))}
        style={{ marginBottom: 8 }}
      />
      {pages.isPending ? (
        <Skeleton active />
      ) : pages.isError ? (
        <LoadError error={pages.error} onRetry={() => void pages.refetch()} />
      ) : (
        <List
          size="small"
          dataSource={tasks}
          locale={{ emptyText: <Empty description={t('supervision.desk.noneToUrge')} /> }}
          renderItem={(task) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Flex gap={10} align="flex-start" style={{ width: '100%', minWidth: 0 }}>
                <Checkbox
                  checked={selected.includes(task.id)}
                  onChange={(event) => toggle(task.id, event.target.checked)}
                  aria-label={t('supervision.desk.select', { number: task.number })}
                />
                <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
                  <Link to={`/tasks/${task.id}?tab=supervision`}>
                    <Typography.Text strong style={{ color: 'inherit', overflowWrap: 'anywhere' }}>
                      {task.number} {task.title}
                    </Typography.Text>
                  </Link>
                  <Flex gap={12} wrap align="center">
                    <TaskHealthBadge task={task} />
                    <Typography.Text type="secondary">{task.leadUnit?.name}</Typography.Text>
                    <TaskDeadline task={task} />
                  </Flex>
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      )}
      {pages.hasNextPage && (
        <Button block onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
          {t('supervision.desk.more')}
        </Button>
      )}
      {isUrging && <UrgeModal taskIds={selected} onClose={() => setIsUrging(false)} onDone={() => setSelected([])} />}
    </Card>
  );
}

/** What the ladder will do in the coming working days if nothing changes. */
function PendingActions({ desk }: { desk: Desk }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Card title={t('supervision.desk.pending')}>
      <List
        size="small"
        dataSource={desk.pendingActions}
        locale={{ emptyText: t('supervision.desk.noPending') }}
        renderItem={(action) => (
          <List.Item style={{ paddingInline: 0 }}>
            <Flex gap={8} align="center" wrap style={{ width: '100%' }}>
              <Typography.Text style={{ minWidth: 84 }}>{formatDay(action.dueOn, locale)}</Typography.Text>
              <ActionKindTag kind={action.kind} />
              <Link to={`/tasks/${action.task.id}?tab=supervision`} style={{ minWidth: 0, flex: 1 }}>
                <Typography.Text ellipsis style={{ color: 'inherit' }}>
                  {action.task.number} {action.task.title}
                </Typography.Text>
              </Link>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

/**
 * The supervision desk (督查工作台): lights and flags with the lists behind them, red and amber tasks
 * to urge, the ladder's coming and recent actions, and the queues of notices, extensions,
 * coordination and instructions.
 */
export function DeskPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('supervision.desk.title'));
  const desk = useDesk();
  const locale = currentLocale();
  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('supervision.desk.title')}
        subtitle={
          desk.data
            ? t('supervision.desk.subtitle', {
                day: desk.data.lastFullSweepDay ? formatDay(desk.data.lastFullSweepDay, locale) : '—',
                queued: desk.data.queued,
              })
            : undefined
        }
        extra={
          <Flex gap={8} wrap>
            {QUEUES.map((queue) => (
              <Link key={queue.key} to={queue.path}>
                <Button size="small">{t(`supervision.desk.queues.${queue.key}`)}</Button>
              </Link>
            ))}
          </Flex>
        }
      />
      {desk.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : desk.isError ? (
        <LoadError error={desk.error} onRetry={() => void desk.refetch()} />
      ) : (
        <>
          <Figures desk={desk.data} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Flex vertical gap={16}>
                <TasksToUrge />
                {/* The bounce counts (推诿扯皮) per unit asked, as the coordination page shows them. */}
                <CoordinationStatsCard />
              </Flex>
            </Col>
            <Col xs={24} xl={10}>
              <Flex vertical gap={16}>
                <PendingActions desk={desk.data} />
                <Card
                  title={t('supervision.desk.recent')}
                  extra={
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('supervision.desk.thisWeek', {
                        urges: desk.data.actionsThisWeek.urge ?? 0,
                        notices: desk.data.actionsThisWeek.notice ?? 0,
                      })}
                    </Typography.Text>
                  }
                >
                  <ActionList actions={desk.data.recentActions} showTask />
                </Card>
              </Flex>
            </Col>
          </Row>
        </>
      )}
    </Flex>
  );
}
