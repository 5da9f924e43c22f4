import { Badge, Card, Flex, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { lightName } from '../../../shared/health-terms.js';
import type { Rectification } from '../../api/rectifications.api.js';
import { HEALTH_COLORS, TaskDeadline } from '../../components/task-badges.js';
import { currentLocale } from '../../i18n/index.js';
import { formatShortDateTime } from '../../lib/format.js';
import { originPath } from './rectification-filters.js';

const STATE_COLORS = { open: 'processing', signed_off: 'success', cancelled: 'default' } as const;

/** A labelled short value (unit, origin, period), wrapping on narrow screens. */
function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Typography.Text style={{ fontSize: 13, minWidth: 0, overflowWrap: 'anywhere' }}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {label}
        {currentLocale() === 'en' ? ': ' : '：'}
      </Typography.Text>
      {children}
    </Typography.Text>
  );
}

/** A labelled block of text (finding, measures), clamped to two lines. */
function Block({ label, text }: { label: string; text: string }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      <Typography.Paragraph
        style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        ellipsis={{ rows: 2, expandable: 'collapsible' }}
      >
        {text}
      </Typography.Paragraph>
    </div>
  );
}

/** The origin in words, linked to its page (review worksheet, bulletin, case, record), and its task. */
export function OriginLink({ item }: { item: Rectification }) {
  const { t } = useTranslation();
  const path = originPath({
    type: item.origin.type,
    id: item.origin.id,
    periodId: item.period?.id ?? null,
    taskId: item.origin.task?.id ?? null,
  });
  const label = t(`rectifications.origins.${item.origin.type}`);
  const task = item.origin.task;
  // With an origin task, the task link says where; the origin type then needs no link of its own
  // unless it points somewhere else (a review worksheet, a bulletin).
  const typeLinked = path !== null && (!task || path !== `/tasks/${task.id}`);
  return (
    <>
      {typeLinked ? <Link to={path}>{label}</Link> : label}
      {task && (
        <>
          {' · '}
          <Link to={`/tasks/${task.id}`}>
            {task.number} {task.title}
          </Link>
        </>
      )}
    </>
  );
}

/** The light as of the last sweep (none once the item is closed). */
function Light({ item }: { item: Rectification }) {
  const { t } = useTranslation();
  if (!item.light) return null;
  const name = lightName(item.light, currentLocale());
  return (
    <Badge color={HEALTH_COLORS[item.light]} text={name} aria-label={`${t('rectifications.fields.light')} ${name}`} />
  );
}

/**
 * One rectification item: number and title (to its task), sign-off state, "carried over", the light
 * and deadline, owner unit, origin and period, the finding and measures, and who signed it off.
 */
export function RectificationCard({ item }: { item: Rectification }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Card size="small" role="listitem" data-testid={`rectification-${item.taskId}`}>
      <Flex vertical gap={8}>
        <Flex justify="space-between" align="flex-start" gap={8} wrap>
          <Link to={`/tasks/${item.taskId}`} style={{ minWidth: 0, overflowWrap: 'anywhere', fontWeight: 500 }}>
            <Typography.Text type="secondary" style={{ marginInlineEnd: 6 }}>
              {item.number}
            </Typography.Text>
            {item.title}
          </Link>
          <Flex gap={6} wrap>
            <Tag color={STATE_COLORS[item.state]} style={{ marginInlineEnd: 0 }}>
              {t(`rectifications.states.${item.state}`)}
            </Tag>
            {item.carriedOver && (
              <Tooltip title={t('rectifications.carriedOverHelp')}>
                <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                  {t('rectifications.carriedOver')}
                </Tag>
              </Tooltip>
            )}
          </Flex>
        </Flex>
        <Flex gap={12} wrap align="center">
          <Light item={item} />
          <TaskDeadline task={{ deadline: item.deadline, overdue: item.overdue, status: item.taskStatus }} />
          {item.taskStatus === 'closure_requested' && <Tag color="purple">{t('rectifications.awaitingSignOff')}</Tag>}
        </Flex>
        <Flex wrap style={{ columnGap: 16, rowGap: 4 }}>
          <Meta label={t('rectifications.fields.unit')}>
            {item.leadUnit?.name ?? '—'}
            {item.responsiblePerson && ` · ${item.responsiblePerson.displayName}`}
          </Meta>
          <Meta label={t('rectifications.fields.origin')}>
            <OriginLink item={item} />
          </Meta>
          {item.period && <Meta label={t('rectifications.fields.period')}>{item.period.name}</Meta>}
        </Flex>
        <Block label={t('rectifications.fields.finding')} text={item.finding} />
        <Block label={t('rectifications.fields.measures')} text={item.measures} />
        {item.state === 'signed_off' && (
          <Typography.Text type="success" style={{ fontSize: 13 }}>
            {t('rectifications.signedOff', {
              date: formatShortDateTime(item.signedOffAt, locale),
              name: item.signedOffBy?.displayName ?? '—',
            })}
            {item.signOffComment && `${locale === 'en' ? ': ' : '：'}${item.signOffComment}`}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
