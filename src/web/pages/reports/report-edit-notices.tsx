import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportDetail } from '../../api/reports.api.js';
import { currentLocale } from '../../i18n/index.js';
import type { AutosaveStatus, LocalDraft } from '../../lib/autosave.js';
import { formatDateTime } from '../../lib/format.js';
import type { ReportFormValues } from './report-form-values.js';

interface ReportEditNoticesProps {
  report: ReportDetail;
  status: AutosaveStatus;
  /** Input kept in this browser that the server does not have (a closed tab, a crash). */
  restorable: LocalDraft<ReportFormValues> | null;
  onRestore: (local: LocalDraft<ReportFormValues>) => void;
  onDiscard: () => void;
  /** After a conflict: keep my input (true) or take the saved report (false). */
  onResolve: (keepMine: boolean) => void;
}

/** What the person must know before writing: why it came back, input to restore, a save conflict. */
export function ReportEditNotices({
  report,
  status,
  restorable,
  onRestore,
  onDiscard,
  onResolve,
}: ReportEditNoticesProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const lastReturn = [...report.rounds].reverse().find((round) => round.action === 'return');
  return (
    <>
      {report.status === 'returned' && lastReturn && (
        <Alert
          type="error"
          showIcon
          title={t('reports.form.returnedBy', { name: lastReturn.actor?.displayName ?? t('tasks.history.system') })}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{lastReturn.reason}</span>}
        />
      )}
      {restorable && (
        <Alert
          type="info"
          showIcon
          title={t('reports.autosave.restoreTitle')}
          description={t('reports.autosave.restoreHelp', { time: formatDateTime(restorable.savedAt, locale) })}
          action={
            <Flex gap={8} wrap>
              <Button type="primary" onClick={() => onRestore(restorable)}>
                {t('reports.autosave.restore')}
              </Button>
              <Button onClick={onDiscard}>{t('reports.autosave.discard')}</Button>
            </Flex>
          }
        />
      )}
      {status.kind === 'conflict' && (
        <Alert
          type="warning"
          showIcon
          title={t('reports.autosave.conflictTitle')}
          description={t('reports.autosave.conflictHelp')}
          action={
            <Flex gap={8} wrap>
              <Button type="primary" onClick={() => onResolve(true)}>
                {t('reports.autosave.keepMine')}
              </Button>
              <Button onClick={() => onResolve(false)}>{t('reports.autosave.takeTheirs')}</Button>
            </Flex>
          }
        />
      )}
    </>
  );
}
