import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNTABILITY_LIMITS } from '../../../shared/accountability-api.js';
import { type AccountabilityRecord, useRecordMutations } from '../../api/accountability.api.js';
import { isApiError } from '../../api/http.js';
import { currentLocale } from '../../i18n/index.js';
import { errorMessage } from '../../lib/error-message.js';
import { requiredText } from '../../lib/form-rules.js';
import { formatShortDateTime } from '../../lib/format.js';
import { formatDay } from '../tasks/task-view-model.js';

/**
 * The subject's statement (情况说明), its right to respond: the text once given; the form for the
 * subject while the record is open; a waiting note for everyone else.
 */
export function StatementSection({ record }: { record: AccountabilityRecord }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = currentLocale();
  const [form] = Form.useForm<{ statement: string }>();
  const { step } = useRecordMutations();
  const [error, setError] = useState<string | null>(null);
  const canAnswer = record.allowedActions.includes('statement');
  const due = formatDay(record.statementDue, locale);
  const label = t('accountability.statement.label');

  const handleFinish = ({ statement }: { statement: string }) => {
    setError(null);
    step.mutate(
      { id: record.id, action: 'statement', statement: statement.trim(), version: record.version },
      {
        onSuccess: () => void message.success(t('accountability.statement.done')),
        onError: (cause) => {
          if (isApiError(cause, 'version_conflict') || isApiError(cause, 'accountability_action_illegal')) {
            void message.warning(t('accountability.stale'));
            return;
          }
          setError(errorMessage(cause, t));
        },
      },
    );
  };

  let body: React.ReactNode;
  if (record.statement) {
    body = (
      <>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {record.statement}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('accountability.statement.by', {
            name: record.statementBy?.displayName ?? '',
            time: formatShortDateTime(record.statementAt, locale),
          })}
        </Typography.Text>
      </>
    );
  } else if (canAnswer) {
    body = (
      <Form form={form} layout="vertical" onFinish={handleFinish}>
        <Typography.Paragraph type="secondary">
          {t('accountability.statement.intro', { date: due })}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form.Item name="statement" label={label} rules={requiredText(t, label, ACCOUNTABILITY_LIMITS.statementMax)}>
          <Input.TextArea
            autoSize={{ minRows: 5, maxRows: 16 }}
            maxLength={ACCOUNTABILITY_LIMITS.statementMax}
            placeholder={t('accountability.statement.placeholder')}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={step.isPending}>
          {t('accountability.statement.submit')}
        </Button>
      </Form>
    );
  } else {
    body = (
      <Typography.Text type="secondary">
        {record.status === 'open'
          ? t('accountability.statement.waiting', { date: due })
          : t('accountability.statement.none')}
      </Typography.Text>
    );
  }
  return (
    <Card size="small" title={t('accountability.fields.statement')}>
      {body}
    </Card>
  );
}
