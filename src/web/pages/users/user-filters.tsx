import { SearchOutlined } from '@ant-design/icons';
import { Col, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/limits.js';
import { ROLES, type Role } from '../../../shared/roles.js';
import { UnitTreeSelect } from '../../components/unit-tree-select.js';

/** The filter bar's state; `active` undefined means "all". */
export interface UserFilterValues {
  q: string;
  unitId?: number;
  role?: Role;
  active?: boolean;
}

interface UserFiltersProps {
  value: UserFilterValues;
  onChange: (value: UserFilterValues) => void;
}

/** Search box plus unit, role and status filters; wraps to one per line on phones. */
export function UserFilters({ value, onChange }: UserFiltersProps) {
  const { t } = useTranslation();
  const activeValue = value.active === undefined ? 'all' : String(value.active);
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col xs={24} md={12} xl={7}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('users.searchPlaceholder')}
          aria-label={t('users.searchPlaceholder')}
          value={value.q}
          maxLength={LIMITS.searchMax}
          onChange={(event) => onChange({ ...value, q: event.target.value })}
        />
      </Col>
      <Col xs={24} md={12} xl={7}>
        <UnitTreeSelect
          value={value.unitId ?? null}
          onChange={(unitId) => onChange({ ...value, unitId: unitId ?? undefined })}
          placeholder={t('users.unitFilter')}
          aria-label={t('users.unitFilter')}
        />
      </Col>
      <Col xs={12} md={12} xl={5}>
        <Select<Role>
          allowClear
          style={{ width: '100%' }}
          placeholder={t('users.roleFilter')}
          aria-label={t('users.roleFilter')}
          value={value.role}
          onChange={(role) => onChange({ ...value, role })}
          options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        />
      </Col>
      <Col xs={12} md={12} xl={5}>
        <Select
          style={{ width: '100%' }}
          aria-label={t('users.statusFilter')}
          value={activeValue}
          onChange={(next: string) => onChange({ ...value, active: next === 'all' ? undefined : next === 'true' })}
          options={[
            { value: 'all', label: t('users.statusAll') },
            { value: 'true', label: t('users.active') },
            { value: 'false', label: t('users.inactive') },
          ]}
        />
      </Col>
    </Row>
  );
}
