import { ExportOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, List, Rate, Segmented, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError } from '../../api/http.js';
import {
  listPublicRatings,
  type ModeratedRating,
  moderatePublicRating,
  publicRatingKeys,
  type RatingStatus,
} from '../../api/public-page.api.js';
import { LoadError } from '../../components/load-error.js';
import { PageHeader } from '../../components/page-header.js';
import { currentLocale } from '../../i18n/index.js';
import { errorMessage } from '../../lib/error-message.js';
import { formatDateTime } from '../../lib/format.js';

/** One rating: the task, the stars, the comment as plain text, and (while pending) the decision. */
function RatingItem({
  rating,
  busy,
  onDecide,
}: {
  rating: ModeratedRating;
  busy: boolean;
  onDecide: (rating: ModeratedRating, status: 'approved' | 'rejected') => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <List.Item>
      <Flex vertical gap={6} style={{ width: '100%', minWidth: 0 }}>
        <Flex justify="space-between" gap={8} wrap>
          <Link to={`/tasks/${rating.task.id}`} style={{ overflowWrap: 'anywhere' }}>
            {rating.task.number} {rating.task.title}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(rating.createdAt, locale)}
          </Typography.Text>
        </Flex>
        <Flex gap={8} align="center">
          <Rate disabled value={rating.rating} style={{ fontSize: 16 }} aria-hidden />
          <Typography.Text>{t('publicPage.stars', { count: rating.rating })}</Typography.Text>
        </Flex>
        <Typography.Paragraph
          type={rating.comment ? undefined : 'secondary'}
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 }}
        >
          {rating.comment ?? t('publicPage.noComment')}
        </Typography.Paragraph>
        {rating.status === 'pending' && (
          <Flex gap={8} wrap>
            <Button type="primary" loading={busy} onClick={() => onDecide(rating, 'approved')}>
              {t('publicPage.approve')}
            </Button>
            <Button danger loading={busy} onClick={() => onDecide(rating, 'rejected')}>
              {t('publicPage.reject')}
            </Button>
          </Flex>
        )}
      </Flex>
    </List.Item>
  );
}

/** 公众评价审核: the public's ratings by status; the supervision office publishes or rejects each. */
export function PublicRatingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<RatingStatus>('pending');
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: publicRatingKeys.list(status, page),
    queryFn: ({ signal }) => listPublicRatings({ status, page }, signal),
    placeholderData: keepPreviousData,
  });
  const moderate = useMutation({
    mutationFn: ({ rating, decision }: { rating: ModeratedRating; decision: 'approved' | 'rejected' }) =>
      moderatePublicRating(rating.id, { status: decision, version: rating.version }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: publicRatingKeys.all }),
  });
  const handleDecide = (rating: ModeratedRating, decision: 'approved' | 'rejected') =>
    moderate.mutate(
      { rating, decision },
      {
        onSuccess: () =>
          void message.success(t(decision === 'approved' ? 'publicPage.approved' : 'publicPage.rejected')),
        onError: (error) =>
          void (isApiError(error, 'version_conflict')
            ? message.warning(t('publicPage.stale'))
            : message.error(errorMessage(error, t))),
      },
    );
  const data = query.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const locale = currentLocale();

  return (
    <>
      <PageHeader
        title={t('publicPage.title')}
        subtitle={t('publicPage.subtitle')}
        extra={
          <Button
            href={locale === 'zh-CN' ? '/public' : `/public?lang=${locale}`}
            target="_blank"
            icon={<ExportOutlined />}
          >
            {t('publicPage.openPublicPage')}
          </Button>
        }
      />
      <Card>
        <Flex vertical gap={16}>
          <Segmented<RatingStatus>
            value={status}
            onChange={(value) => {
              setStatus(value);
              setPage(1);
            }}
            options={(['pending', 'approved', 'rejected'] as const).map((value) => ({
              value,
              label: t(`publicPage.status.${value}`),
            }))}
          />
          {query.isPending && <Skeleton active paragraph={{ rows: 4 }} />}
          {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
          {data && data.items.length === 0 && (
            <Empty description={t('publicPage.empty', { status: t(`publicPage.status.${status}`) })} />
          )}
          {data && data.items.length > 0 && (
            <List
              dataSource={data.items}
              rowKey="id"
              renderItem={(rating) => (
                <RatingItem
                  rating={rating}
                  busy={moderate.isPending && moderate.variables?.rating.id === rating.id}
                  onDecide={handleDecide}
                />
              )}
            />
          )}
          {pages > 1 && (
            <Flex justify="center" align="center" gap={12}>
              <Button disabled={page <= 1} onClick={() => setPage(page - 1)}>
                {t('publicPage.previous')}
              </Button>
              <Typography.Text>{t('publicPage.pageOf', { page, pages })}</Typography.Text>
              <Button disabled={page >= pages} onClick={() => setPage(page + 1)}>
                {t('publicPage.next')}
              </Button>
            </Flex>
          )}
        </Flex>
      </Card>
    </>
  );
}
