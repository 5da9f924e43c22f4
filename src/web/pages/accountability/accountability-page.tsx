import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.js';

/** Placeholder until the feature's screen lands (issue 7). */
export function AccountabilityPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('accountability.nav')} />;
}
