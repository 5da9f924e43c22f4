import { Badge, Card, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Cockpit } from '../../../shared/cockpit-api.js';
import type { CockpitView } from '../../../shared/cockpit-drill.js';
import { drillHref } from './cockpit-links.js';

/** Counts beyond what the server counts up to show as "99+". */
const shown = (n: number) => (n >= 100 ? '99+' : String(n));

/**
 * 需要您关注: the few decisive items — red key tasks nearest their deadline, and what waits for
 * this viewer's word (instructions unanswered, escalated coordination, extensions, closures).
 */
export function CockpitAttention({ cockpit, view }: { cockpit: Cockpit; view: CockpitView }) {
  const { t } = useTranslation();
  const a = cockpit.attention;
  const waiting = [
    { key: 'instructions' as const, count: a.instructionsUnanswered, href: '/instructions' },
    { key: 'escalations' as const, count: a.escalations, href: '/coordination' },
    { key: 'extensions' as const, count: a.extensionsWaiting, href: '/extensions' },
    { key: 'closures' as const, count: a.closuresWaiting, href: '/reviews?kind=closure' },
  ].filter((item) => item.count > 0);
  return (
    <Card title={t('cockpit.attention.title')} size="small" style={{ height: '100%' }} data-testid="attention">
      <Typography.Text strong>{t('cockpit.attention.redKey')}</Typography.Text>
      {a.redKeyTasks.length === 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
          {t('cockpit.attention.noRedKey')}
        </Typography.Paragraph>
      ) : (
        <List
          size="small"
          dataSource={a.redKeyTasks}
          renderItem={(task) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Flex vertical style={{ minWidth: 0 }}>
                <Link to={`/tasks/${task.id}`} className="cockpit-task-link">
                  <Badge color="#cf1322" /> {task.number} {task.title}
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[
                    task.leadUnit?.name,
                    task.deadline ? t('cockpit.attention.deadline', { date: task.deadline }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
      {cockpit.figures.redKey > a.redKeyTasks.length && (
        <Link to={drillHref(view, { kind: 'redKey' })}>
          {t('cockpit.attention.redKeyMore', { count: cockpit.figures.redKey })}
        </Link>
      )}
      <Flex vertical gap={6} style={{ marginTop: 12 }}>
        {waiting.length === 0 ? (
          <Typography.Text type="secondary">{t('cockpit.attention.nothing')}</Typography.Text>
        ) : (
          waiting.map((item) => (
            <Link key={item.key} to={item.href}>
              <Flex justify="space-between" gap={8}>
                <span>{t(`cockpit.attention.${item.key}`)}</span>
                <Badge count={shown(item.count)} color="#d48806" overflowCount={999} />
              </Flex>
            </Link>
          ))
        )}
      </Flex>
    </Card>
  );
}
