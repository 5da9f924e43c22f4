import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIMITS, PHONE_PATTERN, USERNAME_PATTERN } from '../../../shared/limits.js';
import { ROLES, type Role } from '../../../shared/roles.js';
import type { User } from '../../api/types.js';
import { useUserMutations } from '../../api/users.queries.js';
import { UnitTreeSelect } from '../../components/unit-tree-select.js';
import { optionalText, passwordRules, requiredText } from '../../lib/form-rules.js';
import { FormErrorAlert, useFormErrors } from '../../lib/use-form-errors.js';

interface UserFormValues {
  username: string;
  displayName: string;
  password: string;
  unitId: number | null;
  roles: Role[];
  unitsInChargeIds: number[];
  email: string;
  phone: string;
}

/** Mirrors the server's check: digits, spaces and + - ( ) only. */

const FIELDS = ['username', 'displayName', 'password', 'unitId', 'roles', 'unitsInChargeIds', 'email', 'phone'];

function initialValues(user: User | null): Partial<UserFormValues> {
  if (!user) return { roles: [], unitsInChargeIds: [], unitId: null };
  return {
    username: user.username,
    displayName: user.displayName,
    unitId: user.unitId,
    roles: user.roles,
    unitsInChargeIds: user.unitsInChargeIds,
    email: user.email ?? '',
    phone: user.phone ?? '',
  };
}

interface UserFormModalProps {
  /** null to create a new person. */
  user: User | null;
  onClose: () => void;
  onSaved: (user: User, isNew: boolean) => void;
}

/** Create a person (with an initial password) or edit one; "units in charge" only for leaders. */
export function UserFormModal({ user, onClose, onSaved }: UserFormModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UserFormValues>();
  const { create, update } = useUserMutations();
  const roles = Form.useWatch('roles', form) ?? [];
  const isLeader = roles.includes('leader');
  const mutation = user ? update : create;
  const version = user?.version;

  const { formError, clearFormError, handleError } = useFormErrors(form, {
    fields: FIELDS,
    conflictText: t('errors.codes.version_conflict'),
    version,
  });

  const handleFinish = (values: UserFormValues) => {
    clearFormError();
    const shared = {
      displayName: values.displayName.trim(),
      unitId: values.unitId ?? null,
      roles: values.roles,
      unitsInChargeIds: values.roles.includes('leader') ? values.unitsInChargeIds : [],
    };
    const email = values.email?.trim() ?? '';
    const phone = values.phone?.trim() ?? '';
    if (user) {
      update.mutate(
        { id: user.id, version: user.version, ...shared, email: email || null, phone: phone || null },
        { onSuccess: (saved) => onSaved(saved, false), onError: handleError },
      );
      return;
    }
    create.mutate(
      {
        username: values.username.trim().toLowerCase(),
        password: values.password,
        ...shared,
        ...(email ? { email } : {}),
        ...(phone ? { phone } : {}),
      },
      { onSuccess: (saved) => onSaved(saved, true), onError: handleError },
    );
  };

  return (
    <Modal
      open
      title={user ? t('users.form.editTitle', { name: user.displayName }) : t('users.form.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={user ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      width={600}
    >
      <FormErrorAlert error={formError} />
      <Form<UserFormValues> form={form} layout="vertical" initialValues={initialValues(user)} onFinish={handleFinish}>
        <Form.Item
          name="username"
          label={t('users.form.username')}
          extra={user ? undefined : t('users.form.usernameHelp')}
          normalize={(value: string) => value.toLowerCase()}
          rules={[
            ...requiredText(t, t('users.form.username'), LIMITS.usernameMax),
            {
              min: LIMITS.usernameMin,
              message: t('validation.minLength', { field: t('users.form.username'), min: LIMITS.usernameMin }),
            },
            { pattern: USERNAME_PATTERN, message: t('validation.usernamePattern') },
          ]}
        >
          <Input disabled={Boolean(user)} autoComplete="off" maxLength={LIMITS.usernameMax} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.form.displayName')}
          rules={requiredText(t, t('users.form.displayName'), LIMITS.displayNameMax)}
        >
          <Input maxLength={LIMITS.displayNameMax} />
        </Form.Item>
        {!user && (
          <Form.Item
            name="password"
            label={t('users.form.password')}
            extra={t('users.form.passwordHelp', { min: LIMITS.passwordMin })}
            rules={passwordRules(t, t('users.form.password'))}
          >
            <Input.Password autoComplete="new-password" maxLength={LIMITS.passwordMax} />
          </Form.Item>
        )}
        <Form.Item name="unitId" label={t('users.form.unit')}>
          <UnitTreeSelect placeholder={t('users.form.unitPlaceholder')} />
        </Form.Item>
        <Form.Item name="roles" label={t('users.form.roles')}>
          <Select<Role[]>
            mode="multiple"
            placeholder={t('users.form.rolesPlaceholder')}
            options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          />
        </Form.Item>
        {isLeader && (
          <Form.Item
            name="unitsInChargeIds"
            label={t('users.form.unitsInCharge')}
            extra={t('users.form.unitsInChargeHelp')}
          >
            <UnitTreeSelect multiple placeholder={t('users.form.unitsInChargePlaceholder')} />
          </Form.Item>
        )}
        <Form.Item
          name="email"
          label={t('users.form.email')}
          rules={[
            { type: 'email', message: t('validation.email') },
            ...optionalText(t, t('users.form.email'), LIMITS.emailMax),
          ]}
        >
          <Input type="email" autoComplete="off" maxLength={LIMITS.emailMax} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('users.form.phone')}
          rules={[
            { pattern: PHONE_PATTERN, message: t('validation.phone') },
            ...optionalText(t, t('users.form.phone'), LIMITS.phoneMax),
          ]}
        >
          <Input type="tel" autoComplete="off" maxLength={LIMITS.phoneMax} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
