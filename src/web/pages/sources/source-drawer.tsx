import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Empty, Flex, Grid, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { SourceDetail } from '../../../shared/task-api.js';
import { useSource, useSourceMutations } from '../../api/sources.queries.js';
import { useTaskPages } from '../../api/tasks.queries.js';
import { LoadError } from '../../components/load-error.js';
import { TaskListItem } from '../../components/task-list-item.js';
import { currentLocale } from '../../i18n/index.js';
import { hasErrorCode, taskErrorMessage } from '../tasks/task-errors.js';
import { formatDay } from '../tasks/task-view-model.js';

interface SourceDrawerProps {
  sourceId: number;
  onClose: () => void;
  onEdit: (source: SourceDetail) => void;
  onDeleted: (source: SourceDetail) => void;
}

/** The tasks that came from a source, newest first. */
function SourceTasks({ sourceId }: { sourceId: number }) {
  const { t } = useTranslation();
  const pages = useTaskPages({ sourceId, sort: 'number' });
  const tasks = pages.data?.pages.flatMap((page) => page.items) ?? [];
  if (pages.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (pages.isError) return <LoadError error={pages.error} onRetry={() => void pages.refetch()} />;
  if (tasks.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sources.noTasks')} />;
  return (
    <Flex vertical gap={12}>
      {tasks.map((task) => (
        <TaskListItem key={task.id} task={task} />
      ))}
      {pages.hasNextPage && (
        <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
          {t('tasks.loadMore')}
        </Button>
      )}
    </Flex>
  );
}

/** One source: its facts, full text and tasks, with edit, delete and "register a task from it". */
export function SourceDrawer({ sourceId, onClose, onEdit, onDeleted }: SourceDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = Grid.useBreakpoint().md === false;
  const navigate = useNavigate();
  const source = useSource(sourceId);
  const { remove } = useSourceMutations();
  const locale = currentLocale();
  const none = t('common.none');

  const handleDelete = (detail: SourceDetail) =>
    remove.mutateAsync(detail.id).then(
      () => onDeleted(detail),
      (error: unknown) =>
        void message.error(hasErrorCode(error, 'source_in_use') ? t('sources.inUse') : taskErrorMessage(error, t)),
    );

  const body = (() => {
    if (source.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
    if (source.isError) return <LoadError error={source.error} onRetry={() => void source.refetch()} />;
    const detail = source.data;
    return (
      <Flex vertical gap={20}>
        <Flex gap={8} wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/tasks/new?sourceId=${detail.id}`)}>
            {t('sources.registerTask')}
          </Button>
          <Button icon={<EditOutlined />} onClick={() => onEdit(detail)}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('sources.deleteConfirm', { title: detail.title })}
            description={detail.taskCount > 0 ? t('sources.deleteBlocked', { count: detail.taskCount }) : undefined}
            okText={t('sources.delete')}
            okButtonProps={{ danger: true, disabled: detail.taskCount > 0 }}
            cancelText={t('common.cancel')}
            onConfirm={() => handleDelete(detail)}
          >
            <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
              {t('sources.delete')}
            </Button>
          </Popconfirm>
        </Flex>
        <Descriptions
          bordered
          size="small"
          column={1}
          styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}
          items={[
            { key: 'kind', label: t('sources.fields.kind'), children: <Tag>{t(`sources.kinds.${detail.kind}`)}</Tag> },
            { key: 'docNumber', label: t('sources.fields.docNumber'), children: detail.docNumber || none },
            { key: 'issuer', label: t('sources.fields.issuer'), children: detail.issuer || none },
            { key: 'issuedOn', label: t('sources.fields.issuedOn'), children: formatDay(detail.issuedOn, locale) },
          ]}
        />
        <section>
          <Typography.Title level={5}>{t('sources.fields.fullText')}</Typography.Title>
          {detail.fullText ? (
            <Typography.Paragraph
              ellipsis={{
                rows: 8,
                expandable: 'collapsible',
                symbol: (expanded) => t(expanded ? 'sources.collapse' : 'sources.expand'),
              }}
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            >
              {detail.fullText}
            </Typography.Paragraph>
          ) : (
            <Typography.Text type="secondary">{t('sources.noFullText')}</Typography.Text>
          )}
        </section>
        <section>
          <Typography.Title level={5}>{t('sources.tasksTitle', { count: detail.taskCount })}</Typography.Title>
          <SourceTasks sourceId={detail.id} />
        </section>
      </Flex>
    );
  })();

  return (
    <Drawer
      open
      onClose={onClose}
      size={isMobile ? '100%' : 640}
      title={source.data ? source.data.title : t('sources.detailTitle')}
      destroyOnHidden
    >
      {body}
    </Drawer>
  );
}
