import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Card, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../api/http.js';
import { LoadError } from '../../components/load-error.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';

/** A report the person cannot see answers 404, the same as one that does not exist. */
export function ReportNotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('reports.notFound.title'));
  return (
    <Result
      status="404"
      title={t('reports.notFound.title')}
      subTitle={t('reports.notFound.subtitle')}
      extra={
        <Button type="primary" onClick={() => navigate('/tasks')}>
          {t('tasks.backToList')}
        </Button>
      }
    />
  );
}

/** The id in a `/reports/:id` address, or null when it is not one. */
export function parseReportId(value: string | undefined): number | null {
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/**
 * A report page before its data is there: a placeholder `rows` tall while loading, the not-found
 * page on a 404, or the error with a retry.
 */
export function ReportLoading({ query, rows }: { query: UseQueryResult<unknown>; rows: number }) {
  if (!query.isError) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows }} />
      </Card>
    );
  }
  if (isApiError(query.error) && query.error.status === 404) return <ReportNotFound />;
  return (
    <Card>
      <LoadError error={query.error} onRetry={() => void query.refetch()} />
    </Card>
  );
}
