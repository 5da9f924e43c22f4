import { BellOutlined } from '@ant-design/icons';
import { Button, Descriptions, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { healthReasonText, lightName } from '../../../shared/health-terms.js';
import type { TaskDetail } from '../../../shared/task-api.js';
import { OPEN_STATUSES } from '../../../shared/tasks.js';
import { useTaskSupervision } from '../../api/supervision.queries.js';
import { LoadError } from '../../components/load-error.js';
import { TaskHealthBadge } from '../../components/task-badges.js';
import { currentLocale } from '../../i18n/index.js';
import { PlanSection } from '../plans/plan-view-parts.js';
import { formatDay } from '../tasks/task-view-model.js';
import { ActionList } from './action-list.js';
import { UrgeModal } from './urge-modal.js';

/**
 * The task's health (红黄绿灯) with every reason, 序时进度 against actual progress, the forecast
 * completion date, the deadline it is judged by (and the original one when an extension moved it),
 * then what the ladder and the supervision office have done — with "urge" for supervisors.
 */
export function TaskHealthSection({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const supervision = useTaskSupervision(task.id);
  const [isUrging, setIsUrging] = useState(false);
  const health = task.health;
  const canUrge = supervision.data?.canUrge === true && OPEN_STATUSES.includes(task.status) && task.status !== 'draft';
  return (
    <Flex vertical gap={20}>
      <PlanSection
        title={t('supervision.health.title')}
        extra={
          canUrge && (
            <Button icon={<BellOutlined />} onClick={() => setIsUrging(true)}>
              {t('supervision.urge.button')}
            </Button>
          )
        }
      >
        {health ? (
          <Flex vertical gap={10}>
            <Flex gap={10} align="center" wrap>
              <TaskHealthBadge task={task} showText={false} />
              <Typography.Text strong>{lightName(health.light, locale)}</Typography.Text>
              {health.assessedOn && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('supervision.health.assessedOn', { date: formatDay(health.assessedOn, locale) })}
                </Typography.Text>
              )}
            </Flex>
            {health.reasons.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {health.reasons.map((reason) => (
                  <li key={reason.code}>
                    <Typography.Text type={reason.severity === 'red' ? 'danger' : 'warning'}>
                      {healthReasonText(reason, locale)}
                    </Typography.Text>
                  </li>
                ))}
              </ul>
            ) : (
              <Typography.Text type="secondary">{t('supervision.health.noReasons')}</Typography.Text>
            )}
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              items={[
                { key: 'progress', label: t('supervision.health.progress'), children: `${task.progress}%` },
                {
                  key: 'expected',
                  label: t('supervision.health.expected'),
                  children: health.expectedProgress === null ? '—' : `${health.expectedProgress}%`,
                },
                {
                  key: 'deadline',
                  label: t('supervision.health.deadline'),
                  children: task.deadline ? formatDay(task.deadline, locale) : '—',
                },
                ...(task.originalDeadline && task.originalDeadline !== task.deadline
                  ? [
                      {
                        key: 'original',
                        label: t('supervision.health.originalDeadline'),
                        children: formatDay(task.originalDeadline, locale),
                      },
                    ]
                  : []),
                {
                  key: 'forecast',
                  label: t('supervision.health.forecast'),
                  children: health.forecast ? formatDay(health.forecast, locale) : t('supervision.health.noForecast'),
                },
              ]}
            />
          </Flex>
        ) : (
          <Typography.Text type="secondary">
            {OPEN_STATUSES.includes(task.status) && task.status !== 'draft'
              ? t('supervision.health.notYet')
              : t('supervision.health.notOpen')}
          </Typography.Text>
        )}
      </PlanSection>
      <PlanSection title={t('supervision.actions.title')}>
        {supervision.isPending ? (
          <Skeleton active paragraph={{ rows: 2 }} />
        ) : supervision.isError ? (
          <LoadError error={supervision.error} onRetry={() => void supervision.refetch()} />
        ) : (
          <ActionList actions={supervision.data.actions} />
        )}
      </PlanSection>
      {isUrging && <UrgeModal taskIds={[task.id]} onClose={() => setIsUrging(false)} />}
    </Flex>
  );
}
