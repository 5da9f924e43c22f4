import { Alert, Button, Flex, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuditVerification } from '../../api/audit.api.js';

type Failure = Extract<AuditVerification, { ok: false }>['firstBad'];

/** The sentence for a failure: entries cut off the end read differently from a gap in the middle. */
function problemText(t: TFunction, bad: Failure): string {
  if (bad.problem === 'missing' && bad.id === null) return t('audit.problems.missingTail', { seq: bad.seq });
  return t(`audit.problems.${bad.problem}`, { seq: bad.seq });
}

interface AuditVerificationResultProps {
  result: AuditVerification;
  onClose: () => void;
  /** Opens the entry verification stopped at (when it exists). */
  onShowEntry: (id: number) => void;
}

/** What "verify chain" found: all intact with the head to write down, or the first bad entry. */
export function AuditVerificationResult({ result, onClose, onShowEntry }: AuditVerificationResultProps) {
  const { t } = useTranslation();
  if (result.ok) {
    const { seq, hash } = result.head;
    return (
      <Alert
        type="success"
        showIcon
        closable={{ onClose }}
        style={{ marginBottom: 16 }}
        title={t('audit.verifyOkTitle')}
        description={
          <Flex vertical gap={4}>
            <span>{t('audit.verifyOk', { count: result.count })}</span>
            <span>
              {t('audit.head', { seq })}{' '}
              <Typography.Text
                code
                copyable={{ text: `${seq}:${hash}`, tooltips: [t('audit.copyHead'), t('common.copied')] }}
                style={{ overflowWrap: 'anywhere', fontSize: 12 }}
              >
                {hash}
              </Typography.Text>
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('audit.headHint')}
            </Typography.Text>
          </Flex>
        }
      />
    );
  }
  const bad = result.firstBad;
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 16 }}
      title={t('audit.verifyFailedTitle')}
      description={
        <Flex vertical gap={4} align="flex-start">
          <strong>{problemText(t, bad)}</strong>
          <span>{t('audit.intactBefore', { count: result.count })}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
            {t('audit.technicalDetail', { detail: bad.detail })}
          </Typography.Text>
          {bad.id !== null && (
            <Button size="small" onClick={() => onShowEntry(bad.id as number)}>
              {t('audit.showEntry', { seq: bad.seq })}
            </Button>
          )}
        </Flex>
      }
    />
  );
}
