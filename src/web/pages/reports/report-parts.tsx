import { CheckOutlined, ImportOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportPart } from '../../api/reports.api.js';
import { REPORT_TEXT_FIELDS } from './report-form-values.js';
import { ReportStatusTag } from './report-status-tag.js';

interface ReportPartsProps {
  parts: readonly ReportPart[];
  /** Given on the lead unit's form: copies a part's texts into its own report (汇总). */
  onCopy?: (part: ReportPart) => void;
  isCopied?: (part: ReportPart) => boolean;
}

/** The cooperating units' parts of the same period, as the lead unit consolidates them. */
export function ReportParts({ parts, onCopy, isCopied }: ReportPartsProps) {
  const { t } = useTranslation();
  if (parts.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.parts.none')} />;
  }
  return (
    <Flex vertical gap={8}>
      {parts.map((part) => {
        const copied = isCopied?.(part) ?? false;
        return (
          <Card
            key={part.id}
            size="small"
            title={
              <Flex align="center" gap={8} wrap style={{ whiteSpace: 'normal', paddingBlock: 6 }}>
                <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
                  {part.unitName}
                </Typography.Text>
                <ReportStatusTag status={part.status} />
                {part.percent !== null && (
                  <Typography.Text type="secondary">
                    {t('reports.view.percentShort', { percent: part.percent })}
                  </Typography.Text>
                )}
              </Flex>
            }
          >
            <Flex vertical gap={6}>
              {REPORT_TEXT_FIELDS.filter((field) => part[field].trim()).map((field) => (
                <div key={field}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`reports.fields.${field}`)}
                  </Typography.Text>
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {part[field]}
                  </Typography.Paragraph>
                </div>
              ))}
              {onCopy && (
                <Button
                  icon={copied ? <CheckOutlined /> : <ImportOutlined />}
                  disabled={copied}
                  onClick={() => onCopy(part)}
                  aria-label={t('reports.parts.copyFrom', { unit: part.unitName })}
                  style={{ alignSelf: 'flex-start' }}
                >
                  {copied ? t('reports.parts.copied') : t('reports.parts.copy')}
                </Button>
              )}
            </Flex>
          </Card>
        );
      })}
    </Flex>
  );
}
