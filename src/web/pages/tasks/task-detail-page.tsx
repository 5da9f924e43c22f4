import { Breadcrumb, Button, Card, Flex, Grid, Result, Skeleton, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { TaskDetail } from '../../../shared/task-api.js';
import { OPEN_STATUSES } from '../../../shared/tasks.js';
import { isApiError } from '../../api/http.js';
import { useTask } from '../../api/tasks.queries.js';
import { hasAnyRole, useCurrentUser } from '../../auth/current-user.js';
import { LoadError } from '../../components/load-error.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { TaskClosureTab } from '../closure/closure-tab.js';
import { TaskFilesTab } from '../files/task-files-tab.js';
import { TaskPlanTab } from '../plans/plan-tab.js';
import { TaskPublicPanel } from '../public-ratings/task-public-panel.js';
import { TaskRectificationPanel } from '../rectifications/task-rectification-panel.js';
import { TaskReportsTab } from '../reports/task-reports-tab.js';
import { TaskSupervisionTab } from '../supervision/task-supervision-tab.js';
import { TaskTimelineTab } from '../timeline/task-timeline-tab.js';
import { TaskActionBar, type TaskDialog } from './task-action-bar.js';
import { TaskDecomposeModal } from './task-decompose-modal.js';
import { TaskDetailHeader } from './task-detail-header.js';
import { TaskEditDrawer } from './task-edit-drawer.js';
import { TaskMoveModal } from './task-move-modal.js';
import { TaskOverviewTab } from './task-overview-tab.js';
import { TaskProgressEditor } from './task-progress-editor.js';
import { TaskSubtasksTab } from './task-subtasks-tab.js';
import { TaskUnitsTab } from './task-units-tab.js';

/** A task the person cannot see answers 404, the same as one that does not exist. */
function TaskNotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('tasks.notFoundTitle'));
  return (
    <Result
      status="404"
      title={t('tasks.notFoundTitle')}
      subTitle={t('tasks.notFoundSubtitle')}
      extra={
        <Button type="primary" onClick={() => navigate('/tasks')}>
          {t('tasks.backToList')}
        </Button>
      }
    />
  );
}

/**
 * A leaf's progress set by hand: the supervision office's correction, while the task is open. Units
 * report progress through progress reports (the 进展反馈 tab), reviewed before it counts.
 */
function canReportProgress(task: TaskDetail): boolean {
  if (task.childCount > 0 || !OPEN_STATUSES.includes(task.status)) return false;
  return task.canEdit;
}

function TaskDetailView({ task, onReload }: { task: TaskDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [dialog, setDialog] = useState<TaskDialog | null>(null);
  // The open tab lives in the address (?tab=plan), so notifications and the review queue can link to it.
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = searchParams.get('tab') ?? 'overview';
  const setTab = (key: string) =>
    setSearchParams(
      (params) => {
        const next = new URLSearchParams(params);
        if (key === 'overview') next.delete('tab');
        else next.set('tab', key);
        return next;
      },
      { replace: true },
    );
  const isMobile = Grid.useBreakpoint().md === false;
  useDocumentTitle(`${task.number} ${task.title}`);
  const canOpenSources = hasAnyRole(user, ['supervisor', 'admin']);

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { key: 'list', title: <Link to="/tasks">{t('tasks.title')}</Link> },
          ...task.ancestors.map((ancestor) => ({
            key: ancestor.id,
            title: <Link to={`/tasks/${ancestor.id}`}>{ancestor.number}</Link>,
          })),
          { key: 'self', title: task.number },
        ]}
      />
      <TaskDetailHeader
        task={task}
        progressEditor={canReportProgress(task) ? <TaskProgressEditor task={task} onStale={onReload} /> : undefined}
        actions={<TaskActionBar task={task} onOpen={setDialog} onStale={onReload} />}
      />
      {task.kind === 'rectification' && <TaskRectificationPanel taskId={task.id} />}
      {canOpenSources && <TaskPublicPanel task={task} onStale={onReload} />}
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          tabBarGutter={isMobile ? 14 : undefined}
          items={[
            {
              key: 'overview',
              label: t('tasks.tabs.overview'),
              children: <TaskOverviewTab task={task} canOpenSources={canOpenSources} />,
            },
            {
              key: 'subtasks',
              label: t('tasks.tabs.subtasks', { count: task.childCount }),
              children: <TaskSubtasksTab task={task} onDecompose={() => setDialog('decompose')} />,
            },
            {
              key: 'units',
              label: t('tasks.tabs.units', { count: task.units.length }),
              children: <TaskUnitsTab task={task} />,
            },
            ...(task.status === 'draft'
              ? []
              : [
                  { key: 'plan', label: t('plans.tab'), children: <TaskPlanTab task={task} /> },
                  { key: 'reports', label: t('reports.tab'), children: <TaskReportsTab task={task} /> },
                  { key: 'closure', label: t('closure.tab'), children: <TaskClosureTab task={task} /> },
                  { key: 'supervision', label: t('supervision.tab'), children: <TaskSupervisionTab task={task} /> },
                ]),
            { key: 'files', label: t('files.tab'), children: <TaskFilesTab task={task} /> },
            {
              key: 'history',
              label: t('tasks.tabs.history'),
              children: <TaskTimelineTab task={task} />,
            },
          ]}
        />
      </Card>
      {dialog === 'edit' && <TaskEditDrawer task={task} onClose={() => setDialog(null)} />}
      {dialog === 'decompose' && (
        <TaskDecomposeModal
          task={task}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            setTab('subtasks');
          }}
          onStale={onReload}
        />
      )}
      {dialog === 'move' && <TaskMoveModal task={task} onClose={() => setDialog(null)} onStale={onReload} />}
    </Flex>
  );
}

/** 督办事项 detail: header with actions, then overview, subtasks, units and history. */
export function TaskDetailPage() {
  const { id } = useParams();
  const taskId = Number(id);
  const isValidId = Number.isSafeInteger(taskId) && taskId > 0;
  const task = useTask(taskId, isValidId);

  if (!isValidId) return <TaskNotFound />;
  if (task.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }
  if (task.isError) {
    if (isApiError(task.error) && task.error.status === 404) return <TaskNotFound />;
    return (
      <Card>
        <LoadError error={task.error} onRetry={() => void task.refetch()} />
      </Card>
    );
  }
  return <TaskDetailView task={task.data} onReload={() => void task.refetch()} />;
}
