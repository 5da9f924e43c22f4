import { ArrowLeftOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Grid, Progress, Result, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../api/http.js';
import { hasAnyRole, useCurrentUser } from '../../auth/current-user.js';
import { LoadError } from '../../components/load-error.js';
import { PageHeader } from '../../components/page-header.js';
import { FailureReasonsChart } from './failure-reasons-chart.js';
import { useReviewReasons, useReviewWorksheet } from './review.queries.js';
import { ReviewReasonsModal } from './review-reasons-modal.js';
import { ReviewWorksheet } from './review-worksheet.js';

const NO_FILTERS = {};

/**
 * 逐项分析 (issue 7 item 3): the review worksheet of an assessment period. Supervisors classify
 * every task from the keyboard; leaders and auditors read; the reasons roll up into the chart below.
 */
export function ReviewWorksheetPage() {
  const { t } = useTranslation();
  const periodId = Number(useParams().id);
  const user = useCurrentUser();
  const canManage = hasAnyRole(user, ['supervisor', 'admin']);
  const sheet = useReviewWorksheet(periodId, NO_FILTERS);
  const reasons = useReviewReasons();
  const [isEditingReasons, setIsEditingReasons] = useState(false);
  const isNarrow = !Grid.useBreakpoint().md;
  const back = (
    <Link to={`/assessment/${periodId}`}>
      <Button icon={<ArrowLeftOutlined />}>{t('review.backToPeriod')}</Button>
    </Link>
  );

  if (sheet.isError && isApiError(sheet.error, 'period_not_computed')) {
    return (
      <>
        <PageHeader title={t('review.nav')} />
        <Result status="info" title={t('review.notComputed')} extra={back} />
      </>
    );
  }
  if (sheet.isError) return <LoadError error={sheet.error} onRetry={() => void sheet.refetch()} />;
  if (reasons.isError) return <LoadError error={reasons.error} onRetry={() => void reasons.refetch()} />;
  if (sheet.isPending || reasons.isPending) return <Skeleton active />;
  const data = sheet.data;
  const percent = data.total === 0 ? 0 : Math.round((data.reviewed / data.total) * 100);

  return (
    <>
      <PageHeader
        title={t('review.title', { name: data.period.name })}
        subtitle={`${data.period.startsOn} – ${data.period.endsOn}`}
        extra={
          <>
            {back}
            {canManage && (
              <Button icon={<UnorderedListOutlined />} onClick={() => setIsEditingReasons(true)}>
                {t('review.reasons.edit')}
              </Button>
            )}
          </>
        }
      />
      {data.period.status === 'frozen' && (
        <Alert type="info" showIcon title={t('review.frozen')} style={{ marginBottom: 12 }} />
      )}
      {data.period.status !== 'frozen' && !data.canEdit && (
        <Alert type="info" showIcon title={t('review.readOnly')} style={{ marginBottom: 12 }} />
      )}
      <Flex gap={12} align="center" wrap style={{ marginBottom: 8 }}>
        <Typography.Text strong data-testid="review-progress">
          {t('review.progress', { reviewed: data.reviewed, total: data.total })}
        </Typography.Text>
        <Progress percent={percent} size="small" style={{ flex: 1, minWidth: 120, margin: 0 }} />
      </Flex>
      {data.canEdit && !isNarrow && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('review.keysHint')}
        </Typography.Paragraph>
      )}
      <ReviewWorksheet sheet={data} reasons={reasons.data.reasons} onConflict={() => void sheet.refetch()} />
      <Card size="small" title={t('review.chart.title')} style={{ marginTop: 16 }}>
        <FailureReasonsChart periodId={periodId} />
      </Card>
      {isEditingReasons && <ReviewReasonsModal list={reasons.data} onClose={() => setIsEditingReasons(false)} />}
    </>
  );
}
