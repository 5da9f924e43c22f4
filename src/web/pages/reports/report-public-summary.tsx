import { GlobalOutlined } from '@ant-design/icons';
import { Alert, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PUBLIC_LIMITS } from '../../../shared/public-api.js';

// The report's public summary (公开摘要, issue 8 item 4): written apart from the internal texts and
// shown on the public accountability page once the report is accepted — so the form says so plainly.

/** The form's card for the public summary, with the warning that anyone may read it. */
export function ReportPublicSummaryCard() {
  const { t } = useTranslation();
  return (
    <Card
      title={
        <Flex gap={8} align="center">
          <GlobalOutlined aria-hidden />
          {t('publicPage.summary.label')}
        </Flex>
      }
      size="small"
      style={{ marginBottom: 16 }}
    >
      <Alert type="info" showIcon title={t('publicPage.summary.hint')} style={{ marginBottom: 12 }} />
      <Form.Item name="publicSummary" label={t('publicPage.summary.label')} style={{ marginBottom: 0 }}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 8 }}
          maxLength={PUBLIC_LIMITS.summaryMax}
          showCount
          placeholder={t('publicPage.summary.placeholder')}
        />
      </Form.Item>
    </Card>
  );
}

/** The public summary on the report's read-only view (nothing when there is none). */
export function ReportPublicSummaryView({ text }: { text: string | null }) {
  const { t } = useTranslation();
  if (!text) return null;
  return (
    <Flex vertical gap={2}>
      <Typography.Text strong>
        <GlobalOutlined aria-hidden /> {t('publicPage.summary.label')}
      </Typography.Text>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{text}</Typography.Paragraph>
    </Flex>
  );
}
