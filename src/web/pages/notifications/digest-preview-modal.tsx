import { Alert, Modal, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDigestPreview } from '../../api/channels.queries.js';
import { LoadError } from '../../components/load-error.js';

/** Today's digest exactly as it would be emailed (subject and text, in my email language). */
export function DigestPreviewModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const preview = useDigestPreview(open);
  return (
    <Modal open={open} title={t('channels.prefs.previewTitle')} onCancel={onClose} footer={null} width={640}>
      {preview.isPending && <Skeleton active paragraph={{ rows: 6 }} />}
      {preview.isError && <LoadError error={preview.error} onRetry={() => void preview.refetch()} />}
      {preview.data && (
        <>
          {preview.data.isEmpty && (
            <Alert type="info" showIcon title={t('channels.prefs.previewEmpty')} style={{ marginBottom: 12 }} />
          )}
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {preview.data.subject}
          </Typography.Title>
          <Typography.Paragraph
            style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 12, borderRadius: 6, marginBottom: 0 }}
          >
            {preview.data.text}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
