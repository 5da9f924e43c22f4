import { Alert, App, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../api/cases.api.js';
import { useCaseMutations } from '../../api/cases.queries.js';
import { UnitTreeSelect } from '../../components/unit-tree-select.js';
import { errorMessage } from '../../lib/error-message.js';

interface SpreadValues {
  unitIds?: number[];
  subtreeUnitId?: number | null;
}

/** 推广: choose units (or a unit and all below it) asked to adopt a published exemplary practice. */
export function SpreadModal({ item, onClose }: { item: CaseView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SpreadValues>();
  const { spread } = useCaseMutations();
  const [needOne, setNeedOne] = useState(false);
  const asked = new Set(item.adoptions.map((a) => a.unit.id));
  if (item.unit) asked.add(item.unit.id);

  const handleFinish = (values: SpreadValues) => {
    const unitIds = values.unitIds ?? [];
    if (unitIds.length === 0 && !values.subtreeUnitId) {
      setNeedOne(true);
      return;
    }
    spread.mutate(
      { id: item.id, unitIds, subtreeUnitId: values.subtreeUnitId ?? null, version: item.version },
      {
        onSuccess: () => {
          void message.success(t('cases.done.spread'));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('cases.spreadForm.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('cases.spreadForm.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={spread.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('cases.spreadForm.intro')}</Typography.Paragraph>
      {needOne && <Alert type="warning" showIcon title={t('cases.spreadForm.needOne')} style={{ marginBottom: 12 }} />}
      {spread.error ? (
        <Alert type="error" showIcon title={errorMessage(spread.error, t)} style={{ marginBottom: 12 }} />
      ) : null}
      <Form<SpreadValues>
        form={form}
        layout="vertical"
        onFinish={handleFinish}
        onValuesChange={() => setNeedOne(false)}
      >
        <Form.Item name="unitIds" label={t('cases.spreadForm.units')}>
          <UnitTreeSelect multiple disabledIds={asked} aria-label={t('cases.spreadForm.units')} />
        </Form.Item>
        <Form.Item name="subtreeUnitId" label={t('cases.spreadForm.subtree')}>
          <UnitTreeSelect aria-label={t('cases.spreadForm.subtree')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
