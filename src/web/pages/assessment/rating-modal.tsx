import { Alert, App, Empty, Flex, Form, Input, List, Modal, Rate, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_LIMITS, RATING_MAX, type RatingView } from '../../../shared/assessment-api.js';
import { useAssessmentMutations, useRatings } from '../../api/assessment.api.js';
import { useCurrentUser } from '../../auth/current-user.js';
import { currentLocale } from '../../i18n/index.js';
import { errorMessage } from '../../lib/error-message.js';
import { requiredText, requiredValue } from '../../lib/form-rules.js';
import { formatShortDateTime } from '../../lib/format.js';

export interface RatingTarget {
  taskId: number;
  taskLabel: string;
  unitId: number;
  unitName: string;
}

interface RatingValues {
  rating: number;
  comment: string;
}

/** Who rated this unit's work on the task so far. */
function RatingList({ ratings }: { ratings: RatingView[] }) {
  const { t } = useTranslation();
  if (ratings.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('assessment.rating.none')} />;
  }
  return (
    <List
      size="small"
      dataSource={ratings}
      renderItem={(rating) => (
        <List.Item style={{ paddingInline: 0 }}>
          <Flex vertical gap={2} style={{ minWidth: 0 }}>
            <Flex gap={8} align="center" wrap>
              <Rate disabled value={rating.rating} style={{ fontSize: 14 }} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('assessment.rating.by', {
                  name: rating.raterName,
                  time: formatShortDateTime(rating.updatedAt, currentLocale()),
                })}
              </Typography.Text>
            </Flex>
            <Typography.Text style={{ overflowWrap: 'anywhere' }}>{rating.comment}</Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}

/**
 * A supervisor's or leader's rating (1–5 with a comment) of a unit's work on one task; rating
 * again replaces one's own earlier rating. It counts in the score from the next computation.
 */
export function RatingModal({
  periodId,
  target,
  onClose,
}: {
  periodId: number;
  target: RatingTarget;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [form] = Form.useForm<RatingValues>();
  const [error, setError] = useState<string | null>(null);
  const ratings = useRatings(periodId, target.taskId, true);
  const { rate } = useAssessmentMutations();
  const forUnit = (ratings.data ?? []).filter((rating) => rating.unitId === target.unitId);
  const mine = forUnit.find((rating) => rating.raterId === user.id);

  const handleFinish = (values: RatingValues) => {
    setError(null);
    rate.mutate(
      { periodId, taskId: target.taskId, unitId: target.unitId, rating: values.rating, comment: values.comment.trim() },
      {
        onSuccess: () => {
          void message.success(t('assessment.rating.saved'));
          onClose();
        },
        onError: (cause) => setError(errorMessage(cause, t)),
      },
    );
  };

  return (
    <Modal
      open
      title={t('assessment.rating.title', { unit: target.unitName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('assessment.rating.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={rate.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('assessment.rating.task', { task: target.taskLabel })}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {ratings.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <Form<RatingValues>
          key={mine?.id ?? 'new'}
          form={form}
          layout="vertical"
          initialValues={{ rating: mine?.rating, comment: mine?.comment }}
          onFinish={handleFinish}
        >
          <Form.Item
            name="rating"
            label={t('assessment.rating.rating')}
            rules={requiredValue(t, t('assessment.rating.rating'))}
          >
            <Rate count={RATING_MAX} />
          </Form.Item>
          <Form.Item
            name="comment"
            label={t('assessment.rating.comment')}
            rules={requiredText(t, t('assessment.rating.comment'), ASSESSMENT_LIMITS.commentMax)}
          >
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 8 }}
              maxLength={ASSESSMENT_LIMITS.commentMax}
              placeholder={t('assessment.rating.commentPlaceholder')}
            />
          </Form.Item>
        </Form>
      )}
      <Typography.Title level={5}>{t('assessment.rating.existing')}</Typography.Title>
      <RatingList ratings={forUnit} />
    </Modal>
  );
}
