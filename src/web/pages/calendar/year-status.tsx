import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCalendarMutations } from '../../api/calendar.queries.js';
import { errorMessage } from '../../lib/error-message.js';

/**
 * Whether the year's official schedule is in: a quiet tag when it is, a warning with the way to
 * fix it when it is not (until then only weekends count as days off in that year).
 */
export function YearStatus({ year, published }: { year: number; published: boolean }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { setPublished } = useCalendarMutations();

  const handleChange = (next: boolean) => {
    modal.confirm({
      title: next ? t('calendar.confirmPublishedTitle', { year }) : t('calendar.withdrawPublishedTitle', { year }),
      content: next ? t('calendar.confirmPublishedDescription') : undefined,
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () =>
        setPublished.mutateAsync({ year, published: next }).catch((error: unknown) => {
          void message.error(errorMessage(error, t));
        }),
    });
  };

  if (published) {
    return (
      <Flex gap={8} align="center" wrap>
        <Tag icon={<CheckCircleOutlined />} color="success" style={{ marginInlineEnd: 0 }}>
          {t('calendar.publishedTag', { year })}
        </Tag>
        <Button
          size="small"
          type="text"
          onClick={() => handleChange(false)}
          style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.45)' }}
        >
          {t('calendar.withdrawPublished')}
        </Button>
      </Flex>
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      title={t('calendar.unpublishedTitle', { year })}
      description={t('calendar.unpublishedDescription', { year })}
      action={
        <Button size="small" onClick={() => handleChange(true)}>
          {t('calendar.confirmPublished')}
        </Button>
      }
    />
  );
}
