import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/roles.js';

const ROLE_COLORS: Record<Role, string> = {
  admin: 'volcano',
  leader: 'gold',
  supervisor: 'blue',
  unit_head: 'cyan',
  unit_staff: 'geekblue',
  auditor: 'purple',
};

/** A person's roles as coloured tags, in the UI language. */
export function RoleTags({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  if (roles.length === 0) return <Typography.Text type="secondary">{t('home.noRoles')}</Typography.Text>;
  return (
    <Flex gap={4} wrap>
      {roles.map((role) => (
        <Tag key={role} color={ROLE_COLORS[role]} style={{ marginInlineEnd: 0 }}>
          {t(`roles.${role}`)}
        </Tag>
      ))}
    </Flex>
  );
}
