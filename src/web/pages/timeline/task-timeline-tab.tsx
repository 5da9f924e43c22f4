import { Empty, Flex, Segmented, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ladderTriggerText } from '../../../shared/health-terms.js';
import type { TaskDetail, TaskEvent } from '../../../shared/task-api.js';
import { useTaskFiles } from '../../api/evidence.queries.js';
import { TaskStatusTag } from '../../components/task-badges.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import {
  countByKind,
  isTimelineAction,
  TIMELINE_KINDS,
  type TimelineKind,
  timelineActionKey,
  timelineEntries,
} from './timeline-events.js';
import { TimelineIcon } from './timeline-icon.js';

/**
 * The particulars an entry carries, in a line: the ladder's reason, a notice's number, a dated change
 * (from → to) and a supervisor's message.
 */
function detailText(event: TaskEvent): string {
  const detail = event.detail;
  if (!detail) return '';
  const locale = currentLocale();
  const parts: string[] = [];
  if (typeof detail.trigger === 'string') {
    parts.push(
      ladderTriggerText(detail.trigger, Number(detail.workingDays ?? 0), locale).replace(/^[\s（(]+|[）)]$/g, ''),
    );
  }
  if (typeof detail.number === 'string') parts.push(detail.number);
  if (typeof detail.from === 'string' && typeof detail.to === 'string') parts.push(`${detail.from} → ${detail.to}`);
  if (typeof detail.message === 'string' && detail.message) parts.push(detail.message);
  return parts.join(locale === 'en' ? '; ' : '；');
}

/** One entry in people's words: who did what, the status change, the file, and the reason given. */
function EntryLine({ event, fileName }: { event: TaskEvent; fileName: string | undefined }) {
  const { t } = useTranslation();
  const what = isTimelineAction(event.action)
    ? t(`timeline.actions.${timelineActionKey(event.action)}`)
    : t('timeline.unknown', { action: event.action });
  return (
    <Flex vertical gap={4}>
      <Typography.Text>
        <Typography.Text strong>{event.actor?.displayName ?? t('tasks.history.system')}</Typography.Text> {what}
        {fileName && (
          <Typography.Text code style={{ marginInlineStart: 6, overflowWrap: 'anywhere' }}>
            {fileName}
          </Typography.Text>
        )}
      </Typography.Text>
      {event.fromStatus && event.toStatus && event.fromStatus !== event.toStatus && (
        <Flex align="center" gap={6} wrap>
          <TaskStatusTag status={event.fromStatus} />
          <span aria-hidden>→</span>
          <TaskStatusTag status={event.toStatus} />
        </Flex>
      )}
      {detailText(event) && (
        <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
          {detailText(event)}
        </Typography.Text>
      )}
      {event.reason && (
        <Typography.Paragraph
          type="secondary"
          style={{
            margin: 0,
            whiteSpace: 'pre-wrap',
            overflowWrap: 'anywhere',
            borderInlineStart: '3px solid #e8ebf0',
            paddingInlineStart: 8,
          }}
        >
          {t('tasks.history.reason', { reason: event.reason })}
        </Typography.Paragraph>
      )}
    </Flex>
  );
}

/**
 * 办理记录 as a timeline: every state change, plan, report, review, file and closure step recorded
 * on the task, in order, with an icon per kind and a filter by kind.
 */
export function TaskTimelineTab({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [kind, setKind] = useState<TimelineKind | 'all'>('all');
  const [newestFirst, setNewestFirst] = useState(true);
  const files = useTaskFiles(task.id);
  if (task.history.length === 0) return <Empty description={t('tasks.history.empty')} />;

  const counts = countByKind(task.history);
  const entries = timelineEntries(task.history, { kinds: kind === 'all' ? [] : [kind], newestFirst });
  // An upload's entry and its file are written at the same instant: name the file when it is still there.
  const uploadedAt = new Map((files.data ?? []).map((file) => [file.uploadedAt, file.name]));

  return (
    <Flex vertical gap={12} style={{ paddingTop: 4 }}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Flex gap={4} wrap role="group" aria-label={t('timeline.filter')}>
          <Tag.CheckableTag checked={kind === 'all'} onChange={() => setKind('all')}>
            {t('timeline.kinds.all', { count: task.history.length })}
          </Tag.CheckableTag>
          {TIMELINE_KINDS.filter((value) => counts[value] > 0).map((value) => (
            <Tag.CheckableTag key={value} checked={kind === value} onChange={() => setKind(value)}>
              {t(`timeline.kinds.${value}`, { count: counts[value] })}
            </Tag.CheckableTag>
          ))}
        </Flex>
        <Segmented
          size="small"
          value={newestFirst ? 'newest' : 'oldest'}
          onChange={(value) => setNewestFirst(value === 'newest')}
          options={[
            { value: 'newest', label: t('timeline.newestFirst') },
            { value: 'oldest', label: t('timeline.oldestFirst') },
          ]}
        />
      </Flex>
      <Timeline
        style={{ marginTop: 8 }}
        items={entries.map((event) => ({
          key: event.id,
          icon: <TimelineIcon action={event.action} />,
          content: (
            <Flex vertical gap={2}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(event.at, locale)}
              </Typography.Text>
              <EntryLine
                event={event}
                fileName={event.action === 'file_uploaded' ? uploadedAt.get(event.at) : undefined}
              />
            </Flex>
          ),
        }))}
      />
    </Flex>
  );
}
