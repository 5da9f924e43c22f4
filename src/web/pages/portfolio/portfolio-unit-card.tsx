import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { OPEN_STATUSES } from '../../../shared/tasks.js';
import type { PortfolioTask, PortfolioUnit } from '../../api/portfolio.api.js';
import { HEALTH_COLORS, TaskDeadline, TaskHealthBadge, TaskKeyTag } from '../../components/task-badges.js';

/** The light counts of a unit as coloured tags; zero counts are left out (except the total). */
export function LightCounts({ counts }: { counts: PortfolioUnit['counts'] }) {
  const { t } = useTranslation();
  const tags = [
    { key: 'red', count: counts.red, color: HEALTH_COLORS.red },
    { key: 'amber', count: counts.amber, color: HEALTH_COLORS.amber },
    { key: 'green', count: counts.green, color: HEALTH_COLORS.green },
    { key: 'unlit', count: counts.unlit, color: undefined },
  ] as const;
  return (
    <Flex gap={4} wrap align="center">
      {tags
        .filter((tag) => tag.count > 0)
        .map((tag) => (
          <Tag key={tag.key} color={tag.color} style={{ marginInlineEnd: 0 }}>
            {t(`portfolio.lights.${tag.key}`, { count: tag.count })}
          </Tag>
        ))}
      {counts.overdue > 0 && (
        <Tag color="error" variant="outlined" style={{ marginInlineEnd: 0 }}>
          {t('portfolio.overdue', { count: counts.overdue })}
        </Tag>
      )}
    </Flex>
  );
}

/** One task as a compact line: light and reason, number, title (a link), key flag, deadline, progress. */
function PortfolioTaskLine({ task }: { task: PortfolioTask }) {
  const { t } = useTranslation();
  return (
    <li className="task-list-item" style={{ listStyle: 'none', padding: '8px 0' }}>
      <Flex vertical gap={4} style={{ minWidth: 0 }}>
        <Flex align="center" gap={8} style={{ minWidth: 0, paddingInlineStart: task.depth > 0 ? 16 : 0 }}>
          <TaskHealthBadge task={{ ...task, acknowledgementOverdue: false }} showText={false} />
          <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 12 }}>
            {task.number}
          </Typography.Text>
          <Link to={`/tasks/${task.id}`} style={{ minWidth: 0, overflowWrap: 'anywhere', fontWeight: 500 }}>
            {task.title}
          </Link>
        </Flex>
        <Flex align="center" gap={8} wrap style={{ paddingInlineStart: task.depth > 0 ? 30 : 14, fontSize: 13 }}>
          {task.isKey && <TaskKeyTag />}
          {task.depth > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('portfolio.subtask')}
            </Typography.Text>
          )}
          <TaskHealthBadge task={{ ...task, acknowledgementOverdue: false }} />
          <TaskDeadline task={task} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('portfolio.progress', { value: Math.round(task.progress) })}
          </Typography.Text>
        </Flex>
      </Flex>
    </li>
  );
}

/** The task list filtered to this unit's open tasks as lead, for the ones beyond the cap. */
function moreHref(unitId: number, keyOnly: boolean): string {
  const query = new URLSearchParams({ unitId: String(unitId), unitRole: 'lead', status: OPEN_STATUSES.join(',') });
  if (keyOnly) query.set('isKey', '1');
  return `/tasks?${query.toString()}`;
}

/** A lead unit of the portfolio: its name, light counts and its open tasks. */
export function PortfolioUnitCard({ unit, keyOnly }: { unit: PortfolioUnit; keyOnly: boolean }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={
        <Flex justify="space-between" align="center" gap={8} wrap style={{ padding: '6px 0' }}>
          <Typography.Text strong style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>
            {unit.name}
          </Typography.Text>
          <LightCounts counts={unit.counts} />
        </Flex>
      }
    >
      <ul style={{ margin: 0, padding: 0 }} aria-label={unit.name}>
        {unit.tasks.map((task) => (
          <PortfolioTaskLine key={task.id} task={task} />
        ))}
      </ul>
      {unit.more > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('portfolio.more', { count: unit.more })}{' '}
          <Link to={moreHref(unit.id, keyOnly)}>{t('portfolio.moreLink')}</Link>
        </Typography.Paragraph>
      )}
    </Card>
  );
}
