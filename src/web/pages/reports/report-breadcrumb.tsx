import { Breadcrumb } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ReportDetail } from '../../api/reports.api.js';

/** 督办事项 / the task / 进展反馈 / (what this page does with the report). */
export function ReportBreadcrumb({ report, current }: { report: Pick<ReportDetail, 'id' | 'task'>; current?: string }) {
  const { t } = useTranslation();
  return (
    <Breadcrumb
      items={[
        { key: 'list', title: <Link to="/tasks">{t('tasks.title')}</Link> },
        { key: 'task', title: <Link to={`/tasks/${report.task.id}?tab=reports`}>{report.task.number}</Link> },
        current
          ? { key: 'report', title: <Link to={`/reports/${report.id}`}>{t('reports.title')}</Link> }
          : { key: 'report', title: t('reports.title') },
        ...(current ? [{ key: 'current', title: current }] : []),
      ]}
    />
  );
}
