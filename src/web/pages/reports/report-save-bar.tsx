import {
  CheckCircleOutlined,
  CloudUploadOutlined,
  ExclamationCircleOutlined,
  LoadingOutlined,
} from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AutosaveStatus } from '../../lib/autosave.js';
import { errorMessage } from '../../lib/error-message.js';

/** "已保存 14:05" / "保存中…" / "有未保存的修改" / the conflict and error words. */
function StatusText({ status }: { status: AutosaveStatus }) {
  const { t } = useTranslation();
  switch (status.kind) {
    case 'saving':
      return (
        <Typography.Text type="secondary">
          <LoadingOutlined /> {t('reports.autosave.saving')}
        </Typography.Text>
      );
    case 'saved': {
      const time = status.at.toTimeString().slice(0, 5);
      return (
        <Typography.Text type="success">
          <CheckCircleOutlined /> {t('reports.autosave.saved', { time })}
        </Typography.Text>
      );
    }
    case 'pending':
      return <Typography.Text type="secondary">{t('reports.autosave.pending')}</Typography.Text>;
    case 'conflict':
      return (
        <Typography.Text type="warning">
          <ExclamationCircleOutlined /> {t('reports.autosave.conflict')}
        </Typography.Text>
      );
    case 'error':
      return (
        <Typography.Text type="danger" style={{ overflowWrap: 'anywhere' }}>
          <ExclamationCircleOutlined /> {t('reports.autosave.error', { reason: errorMessage(status.error, t) })}
        </Typography.Text>
      );
    default:
      return <Typography.Text type="secondary">{t('reports.autosave.idle')}</Typography.Text>;
  }
}

interface ReportSaveBarProps {
  status: AutosaveStatus;
  isSubmitting: boolean;
  onSubmit: () => void;
  onDone: () => void;
  onRetry: () => void;
  submitLabel: string;
}

/** The bar that stays at the bottom of the form: where saving stands, and submit. */
export function ReportSaveBar({ status, isSubmitting, onSubmit, onDone, onRetry, submitLabel }: ReportSaveBarProps) {
  const { t } = useTranslation();
  return (
    <section className="report-save-bar" aria-label={t('reports.autosave.bar')}>
      <Flex align="center" justify="space-between" gap={8} wrap>
        <div aria-live="polite" style={{ minWidth: 0, flex: '1 1 160px' }}>
          <StatusText status={status} />
          {status.kind === 'error' && (
            <Button type="link" size="small" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          )}
        </div>
        <Flex gap={8} style={{ flex: '1 1 240px', justifyContent: 'flex-end' }}>
          <Button size="large" onClick={onDone}>
            {t('reports.form.done')}
          </Button>
          <Button
            size="large"
            type="primary"
            icon={<CloudUploadOutlined />}
            loading={isSubmitting}
            disabled={status.kind === 'conflict'}
            onClick={onSubmit}
          >
            {submitLabel}
          </Button>
        </Flex>
      </Flex>
    </section>
  );
}
