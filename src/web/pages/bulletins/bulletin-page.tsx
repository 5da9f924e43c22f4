import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.js';

/** Placeholder until the feature's screen lands (issue 7). */
export function BulletinPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('bulletins.nav')} />;
}
