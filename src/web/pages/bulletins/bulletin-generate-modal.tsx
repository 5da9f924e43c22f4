import { Alert, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { BULLETIN_LIMITS } from '../../../shared/bulletins-api.js';
import { errorMessage } from '../../lib/error-message.js';
import { requiredValue } from '../../lib/form-rules.js';
import { useBulletinMutations, useBulletinPeriods } from './bulletins.queries.js';

interface GenerateValues {
  basis: 'period' | 'date';
  periodId?: number;
  asOf?: Dayjs;
  title?: string;
}

/** Generates a draft for an assessment period or a date, then opens it in the editor. */
export function BulletinGenerateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<GenerateValues>();
  const basis = Form.useWatch('basis', form) ?? 'date';
  const periods = useBulletinPeriods(basis === 'period');
  const { create } = useBulletinMutations();
  const [error, setError] = useState<string | null>(null);

  const handleFinish = (values: GenerateValues) => {
    setError(null);
    const title = values.title?.trim() || undefined;
    const input =
      values.basis === 'period'
        ? { periodId: values.periodId as number, title }
        : { asOf: (values.asOf ?? dayjs()).format('YYYY-MM-DD'), title };
    create.mutate(input, {
      onSuccess: (bulletin) => navigate(`/bulletins/${bulletin.id}`),
      onError: (cause) => setError(errorMessage(cause, t)),
    });
  };

  return (
    <Modal
      open
      title={t('bulletins.generateTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('bulletins.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<GenerateValues>
        form={form}
        layout="vertical"
        initialValues={{ basis: 'date', asOf: dayjs() }}
        onFinish={handleFinish}
        requiredMark={false}
      >
        <Form.Item name="basis" label={t('bulletins.basis.label')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'date', label: t('bulletins.basis.date') },
              { value: 'period', label: t('bulletins.basis.period') },
            ]}
          />
        </Form.Item>
        {basis === 'period' ? (
          <Form.Item name="periodId" label={t('bulletins.period')} rules={requiredValue(t, t('bulletins.period'))}>
            <Select
              loading={periods.isPending}
              placeholder={t('bulletins.periodPlaceholder')}
              options={(periods.data ?? []).map((period) => ({
                value: period.id,
                label: `${period.name}${period.computedAt ? '' : t('bulletins.periodNotComputed')}`,
              }))}
            />
          </Form.Item>
        ) : (
          <Form.Item name="asOf" label={t('bulletins.asOf')} rules={requiredValue(t, t('bulletins.asOf'))}>
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(day) => day.isAfter(dayjs(), 'day')}
              aria-label={t('bulletins.asOf')}
            />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('bulletins.titleOptional')}>
          <Input maxLength={BULLETIN_LIMITS.titleMax} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
