import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';

/** Active or deactivated, as a coloured dot and a word. */
export function UserStatus({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return active ? (
    <Badge status="success" text={t('users.active')} />
  ) : (
    <Badge status="default" text={t('users.inactive')} />
  );
}
