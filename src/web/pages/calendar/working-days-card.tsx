import { Alert, Card, Flex, Form, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CALENDAR_LIMITS } from '../../../shared/calendar.js';
import { useWorkingDaysFrom } from '../../api/calendar.queries.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDay, todayLocal } from './calendar-dates.js';

/** "N working days after a date", by the calendar as it stands: for checking the calendar and deadlines. */
export function WorkingDaysCard({ defaultDays }: { defaultDays: number }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(todayLocal);
  const [days, setDays] = useState<number | null>(defaultDays);
  const result = useWorkingDaysFrom(from || undefined, days);

  return (
    <Card title={t('calendar.calculator.title')} size="small">
      <Form layout="vertical">
        <Flex gap={12} wrap>
          <Form.Item label={t('calendar.calculator.from')} style={{ marginBottom: 12, flex: '1 1 150px' }}>
            <Input
              type="date"
              value={from}
              onChange={(event) => setFrom(event.target.value)}
              aria-label={t('calendar.calculator.from')}
            />
          </Form.Item>
          <Form.Item label={t('calendar.calculator.days')} style={{ marginBottom: 12, flex: '0 0 120px' }}>
            <InputNumber
              value={days}
              onChange={(value) => setDays(typeof value === 'number' ? value : null)}
              min={0}
              max={CALENDAR_LIMITS.workingDaysMax}
              precision={0}
              style={{ width: '100%' }}
              aria-label={t('calendar.calculator.days')}
            />
          </Form.Item>
        </Flex>
      </Form>
      {result.data && days !== null && (
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{t('calendar.calculator.result', { days })}</Typography.Text>
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="working-days-result">
            {formatDay(result.data.date, currentLocale())}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('calendar.calculator.note')}
          </Typography.Text>
          {!result.data.published && (
            <Alert type="warning" showIcon title={t('calendar.calculator.unpublished')} style={{ marginTop: 4 }} />
          )}
        </Flex>
      )}
    </Card>
  );
}
