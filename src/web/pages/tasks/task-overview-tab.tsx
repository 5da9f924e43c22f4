import { Descriptions, Flex, Grid, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TaskDetail } from '../../../shared/task-api.js';
import { TaskDeadline, TaskPriorityTag } from '../../components/task-badges.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { sourceLabel } from './task-source-select.js';
import { formatDay } from './task-view-model.js';

/** Every field of a task, with the description in full and the source linked for supervisors. */
export function TaskOverviewTab({ task, canOpenSources }: { task: TaskDetail; canOpenSources: boolean }) {
  const { t } = useTranslation();
  const isMobile = Grid.useBreakpoint().md === false;
  const locale = currentLocale();
  const none = t('common.none');
  const yesNo = (value: boolean) => (value ? t('tasks.yes') : t('tasks.no'));
  const cooperating = task.units.filter((unit) => unit.role === 'cooperating');

  const source = (() => {
    if (!task.source) return none;
    const label = `${sourceLabel(task.source)} · ${t(`sources.kinds.${task.source.kind}`)}`;
    return canOpenSources ? <Link to={`/sources?id=${task.source.id}`}>{label}</Link> : label;
  })();

  return (
    <Flex vertical gap={16}>
      <section>
        <Typography.Title level={5}>{t('tasks.fields.description')}</Typography.Title>
        {task.description ? (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginBottom: 0 }}>
            {task.description}
          </Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">{t('tasks.noDescription')}</Typography.Text>
        )}
      </section>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        // Phones stack each label over its value, so long values get the whole width.
        layout={isMobile ? 'vertical' : 'horizontal'}
        styles={isMobile ? undefined : { label: { width: 120, whiteSpace: 'nowrap' } }}
        items={[
          { key: 'source', label: t('tasks.fields.source'), children: source, span: { xs: 1, sm: 1, md: 2 } },
          { key: 'category', label: t('tasks.fields.category'), children: task.category || none },
          {
            key: 'tags',
            label: t('tasks.fields.tags'),
            children:
              task.tags.length > 0 ? (
                <Flex gap={4} wrap>
                  {task.tags.map((tag) => (
                    <Tag key={tag} style={{ marginInlineEnd: 0 }}>
                      {tag}
                    </Tag>
                  ))}
                </Flex>
              ) : (
                none
              ),
          },
          {
            key: 'priority',
            label: t('tasks.fields.priority'),
            children: <TaskPriorityTag priority={task.priority} />,
          },
          { key: 'isKey', label: t('tasks.fields.isKey'), children: yesNo(task.isKey) },
          { key: 'isPublic', label: t('tasks.fields.isPublic'), children: yesNo(task.isPublic) },
          { key: 'weight', label: t('tasks.fields.weight'), children: task.weight },
          { key: 'leadUnit', label: t('tasks.fields.leadUnit'), children: task.leadUnit?.name ?? none },
          {
            key: 'cooperating',
            label: t('tasks.fields.cooperatingUnits'),
            children: cooperating.length > 0 ? cooperating.map((unit) => unit.unitName).join('、') : none,
          },
          {
            key: 'leader',
            label: t('tasks.fields.responsibleLeader'),
            children: task.responsibleLeader?.displayName ?? none,
          },
          {
            key: 'person',
            label: t('tasks.fields.responsiblePerson'),
            children: task.responsiblePerson?.displayName ?? none,
          },
          { key: 'startDate', label: t('tasks.fields.startDate'), children: formatDay(task.startDate, locale) },
          { key: 'deadline', label: t('tasks.fields.deadline'), children: <TaskDeadline task={task} /> },
          { key: 'assignedAt', label: t('tasks.fields.assignedAt'), children: formatDateTime(task.assignedAt, locale) },
          { key: 'closedAt', label: t('tasks.fields.closedAt'), children: formatDateTime(task.closedAt, locale) },
          {
            key: 'createdBy',
            label: t('tasks.fields.createdBy'),
            children: task.createdBy
              ? t('tasks.createdByLine', {
                  name: task.createdBy.displayName,
                  time: formatDateTime(task.createdAt, locale),
                })
              : formatDateTime(task.createdAt, locale),
          },
          { key: 'updatedAt', label: t('tasks.fields.updatedAt'), children: formatDateTime(task.updatedAt, locale) },
        ]}
      />
    </Flex>
  );
}
