import { App, Button, Drawer, Flex, Form, Grid, Input, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../shared/task-api.js';
import type { PlanPart } from '../../api/plans.api.js';
import { usePlanMutations } from '../../api/plans.queries.js';
import { FormErrorAlert } from '../../lib/use-form-errors.js';
import { useNestedFormErrors } from '../../lib/use-nested-form-errors.js';
import { PlanStepsField } from './plan-editor-fields.js';
import { PART_FORM_FIELDS, type PartFormValues, partToFormValues, toPartContentInput } from './plan-form-values.js';
import { PLAN_LIMITS } from './plan-limits.js';

interface PlanPartDrawerProps {
  task: TaskDetail;
  unitId: number;
  /** The unit's part as saved so far (none yet: the first save creates it). */
  part: PlanPart | undefined;
  onClose: () => void;
  onStale: () => void;
}

/** A cooperating unit writes its own part of the plan: what it will do, and its own steps. */
export function PlanPartDrawer({ task, unitId, part, onClose, onStale }: PlanPartDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<PartFormValues>();
  const { savePart } = usePlanMutations(task.id);
  const initialValues = useMemo(() => partToFormValues(part?.content), [part]);
  const unitName = task.units.find((unit) => unit.unitId === unitId)?.unitName ?? '';
  const { formError, clearFormError, handleError } = useNestedFormErrors(form, {
    layout: PART_FORM_FIELDS,
    conflictText: t('plans.parts.conflict'),
    version: part?.version,
    onStale,
  });

  const handleFinish = (values: PartFormValues) => {
    clearFormError();
    savePart.mutate(
      { unitId, version: part?.version ?? 0, part: toPartContentInput(values) },
      {
        onSuccess: () => {
          void message.success(t('plans.parts.saved'));
          onClose();
        },
        onError: handleError,
      },
    );
  };

  return (
    <Drawer
      open
      onClose={onClose}
      title={t('plans.parts.editTitle', { unit: unitName })}
      size={isMobile ? '100%' : 720}
      destroyOnHidden
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={savePart.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <FormErrorAlert error={formError} />
      <Typography.Paragraph type="secondary">{t('plans.parts.help')}</Typography.Paragraph>
      <Form<PartFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={handleFinish}
        requiredMark={false}
        scrollToFirstError
      >
        <Form.Item
          name="text"
          label={t('plans.parts.text')}
          rules={[
            {
              max: PLAN_LIMITS.partTextMax,
              message: t('validation.maxLength', { field: t('plans.parts.text'), max: PLAN_LIMITS.partTextMax }),
            },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={PLAN_LIMITS.partTextMax}
            placeholder={t('plans.parts.textPlaceholder')}
          />
        </Form.Item>
        <Typography.Title level={5}>{t('plans.parts.steps')}</Typography.Title>
        <PlanStepsField deadline={task.deadline} />
      </Form>
    </Drawer>
  );
}
