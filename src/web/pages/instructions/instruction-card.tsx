import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { InstructionTarget } from '../../api/instructions.api.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { formatDay } from '../tasks/task-view-model.js';

/** Answered, waiting, or waiting past its date. */
function InstructionStateTag({ item }: { item: InstructionTarget }) {
  const { t } = useTranslation();
  if (item.response !== null)
    return (
      <Tag color="green" style={{ marginInlineEnd: 0 }}>
        {t('instructions.item.answered')}
      </Tag>
    );
  return (
    <Tag color={item.overdue ? 'error' : 'gold'} style={{ marginInlineEnd: 0 }}>
      {item.overdue ? t('instructions.item.overdue') : t('instructions.item.unanswered')}
    </Tag>
  );
}

/**
 * One instruction on one task: who wrote it and when, the text, the date to report by, and the
 * unit's report — or the button to report, for the lead unit. Lists show the task it is on.
 */
export function InstructionCard({
  item,
  showTask = false,
  onRespond,
}: {
  item: InstructionTarget;
  showTask?: boolean;
  onRespond: (item: InstructionTarget) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Card size="small" role="listitem" aria-label={item.body.slice(0, 40)}>
      <Flex vertical gap={8}>
        <Flex justify="space-between" align="flex-start" gap={8} wrap>
          <Flex vertical gap={4} style={{ minWidth: 0, flex: '1 1 240px' }}>
            <Flex align="center" gap={8} wrap>
              <InstructionStateTag item={item} />
              <Typography.Text type={item.overdue ? 'danger' : 'secondary'}>
                {t('instructions.item.respondBy', { date: formatDay(item.respondBy, locale) })}
              </Typography.Text>
            </Flex>
            {showTask && (
              <Flex gap={8} align="baseline" style={{ minWidth: 0 }}>
                <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 12 }}>
                  {item.task.number}
                </Typography.Text>
                <Link
                  to={`/tasks/${item.task.id}?tab=supervision`}
                  style={{ fontWeight: 500, overflowWrap: 'anywhere', minWidth: 0 }}
                >
                  {item.task.title}
                </Link>
              </Flex>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {[
                t('instructions.item.by', {
                  name: item.leader.displayName,
                  time: formatDateTime(item.createdAt, locale),
                }),
                item.unit?.name,
                item.taskCount > 1 ? t('instructions.item.alsoOn', { count: item.taskCount }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </Flex>
          {item.canRespond && (
            <Button type="primary" onClick={() => onRespond(item)}>
              {t('instructions.respond.button')}
            </Button>
          )}
        </Flex>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {item.body}
        </Typography.Paragraph>
        {item.response !== null && (
          <div style={{ borderInlineStart: '3px solid #52c41a', paddingInlineStart: 10 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('instructions.item.response')} ·{' '}
              {t('instructions.item.respondedBy', {
                name: item.respondedBy?.displayName ?? t('tasks.history.system'),
                time: formatDateTime(item.respondedAt, locale),
              })}
            </Typography.Text>
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {item.response}
            </Typography.Paragraph>
          </div>
        )}
      </Flex>
    </Card>
  );
}
