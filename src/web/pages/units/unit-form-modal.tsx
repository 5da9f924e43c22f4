import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/limits.js';
import type { Unit } from '../../api/types.js';
import { useUnitMutations } from '../../api/units.queries.js';
import { optionalText, requiredText } from '../../lib/form-rules.js';
import { FormErrorAlert, useFormErrors } from '../../lib/use-form-errors.js';

/** What the modal is doing: adding under a parent (null = top level), or editing a unit. */
export type UnitFormMode = { kind: 'create'; parent: Unit | null } | { kind: 'edit'; unit: Unit };

interface UnitFormValues {
  name: string;
  shortName?: string;
  aliases: string[];
  sortOrder?: number | null;
}

const FIELDS = ['name', 'shortName', 'aliases', 'sortOrder'];

function initialValues(mode: UnitFormMode): UnitFormValues {
  if (mode.kind === 'create') return { name: '', shortName: '', aliases: [] };
  const { unit } = mode;
  return { name: unit.name, shortName: unit.shortName ?? '', aliases: unit.aliases, sortOrder: unit.sortOrder };
}

interface UnitFormModalProps {
  mode: UnitFormMode;
  onClose: () => void;
  onSaved: (unit: Unit) => void;
}

/**
 * Add or edit a unit. Edits carry the version they started from; on a conflict the form is
 * refilled from the latest version (the page re-renders us with it) and says so.
 */
export function UnitFormModal({ mode, onClose, onSaved }: UnitFormModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UnitFormValues>();
  const { create, update } = useUnitMutations();
  const mutation = mode.kind === 'create' ? create : update;
  const version = mode.kind === 'edit' ? mode.unit.version : null;

  const { formError, clearFormError, handleError } = useFormErrors(form, {
    fields: FIELDS,
    conflictText: t('units.conflict'),
    version,
  });

  const handleFinish = (values: UnitFormValues) => {
    clearFormError();
    const name = values.name.trim();
    const shortName = values.shortName?.trim() || null;
    const aliases = values.aliases.map((alias) => alias.trim()).filter(Boolean);
    const sortOrder = values.sortOrder ?? undefined;
    if (mode.kind === 'create') {
      create.mutate(
        { name, shortName: shortName ?? undefined, aliases, parentId: mode.parent?.id ?? null, sortOrder },
        { onSuccess: onSaved, onError: handleError },
      );
      return;
    }
    const { unit } = mode;
    update.mutate(
      { id: unit.id, version: unit.version, name, shortName, aliases, sortOrder },
      { onSuccess: onSaved, onError: handleError },
    );
  };

  const title = (() => {
    if (mode.kind === 'edit') return t('units.form.editTitle');
    return mode.parent ? t('units.form.createChildTitle', { parent: mode.parent.name }) : t('units.form.createTitle');
  })();

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <FormErrorAlert error={formError} />
      <Form<UnitFormValues> form={form} layout="vertical" initialValues={initialValues(mode)} onFinish={handleFinish}>
        <Form.Item
          name="name"
          label={t('units.form.name')}
          rules={requiredText(t, t('units.form.name'), LIMITS.unitNameMax)}
        >
          <Input placeholder={t('units.form.namePlaceholder')} maxLength={LIMITS.unitNameMax} autoFocus />
        </Form.Item>
        <Form.Item
          name="shortName"
          label={t('units.form.shortName')}
          rules={optionalText(t, t('units.form.shortName'), LIMITS.unitShortNameMax)}
        >
          <Input placeholder={t('units.form.shortNamePlaceholder')} maxLength={LIMITS.unitShortNameMax} />
        </Form.Item>
        <Form.Item
          name="aliases"
          label={t('units.form.aliases')}
          extra={t('units.form.aliasesHelp')}
          rules={[
            {
              type: 'array',
              max: LIMITS.unitAliasesMax,
              message: t('validation.maxItems', { max: LIMITS.unitAliasesMax }),
            },
          ]}
        >
          <Select mode="tags" open={false} tokenSeparators={[',', '，', '、', ';', '；']} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('units.form.sortOrder')} extra={t('units.form.sortOrderHelp')}>
          <InputNumber precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
