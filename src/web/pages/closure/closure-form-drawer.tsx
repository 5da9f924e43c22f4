import { Alert, Card, Col, Flex, Form, Input, InputNumber, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../shared/task-api.js';
import type { TaskClosure } from '../../api/closure.api.js';
import { useClosureMutations } from '../../api/closure.queries.js';
import { DraftDrawer, useSaveThenSubmit } from '../../components/draft-drawer.js';
import { EvidencePicker } from '../../components/evidence-picker.js';
import { currentLocale } from '../../i18n/index.js';
import { optionalText } from '../../lib/form-rules.js';
import type { FieldLayout } from '../../lib/nested-field-errors.js';
import { useNestedFormErrors } from '../../lib/use-nested-form-errors.js';
import { formatAmount } from '../plans/plan-format.js';
import { CLOSURE_LIMITS } from './closure-limits.js';

interface ClosureFormValues {
  summary: string;
  targetResults: Array<{ targetId: string; achieved: number | null; comment: string }>;
  fileIds: number[];
}

const CLOSURE_FORM_FIELDS: FieldLayout = {
  summary: null,
  fileIds: null,
  targetResults: ['achieved', 'comment'],
};

/** The form's starting values: the application being edited, or a new one with a line per target. */
function initialValuesOf(closure: TaskClosure): ClosureFormValues {
  const current = closure.application && closure.application.status !== 'accepted' ? closure.application : null;
  return {
    summary: current?.summary ?? '',
    targetResults: closure.targets.map((target) => {
      const result = current?.targetResults.find((item) => item.targetId === target.id);
      return { targetId: target.id, achieved: result?.achieved ?? null, comment: result?.comment ?? '' };
    }),
    fileIds: current?.evidence.map((file) => file.id) ?? [],
  };
}

interface ClosureFormDrawerProps {
  task: TaskDetail;
  closure: TaskClosure;
  onClose: () => void;
  onStale: () => void;
}

/** 申请办结: a summary, the result against each target of the accepted plan, and evidence files. */
export function ClosureFormDrawer({ task, closure, onClose, onStale }: ClosureFormDrawerProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [form] = Form.useForm<ClosureFormValues>();
  const { save, act } = useClosureMutations(task.id);
  const initialValues = useMemo(() => initialValuesOf(closure), [closure]);
  const editing = closure.application && closure.application.status !== 'accepted' ? closure.application : null;
  const { formError, clearFormError, handleError } = useNestedFormErrors(form, {
    layout: CLOSURE_FORM_FIELDS,
    conflictText: t('closure.form.conflict'),
    version: editing?.version,
    onStale,
  });

  const saveThenSubmit = useSaveThenSubmit({
    save,
    act,
    savedVersion: (saved: TaskClosure) => saved.application?.version ?? null,
    texts: { saved: t('closure.form.saved'), submitted: t('closure.actionDone.submit') },
    onSaveError: handleError,
    // Saved, but not submitted (e.g. a key task without evidence): say why, keep the form open.
    onSubmitError: handleError,
    onDone: onClose,
  });

  const handleSave = async (andSubmit: boolean) => {
    clearFormError();
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const values = form.getFieldsValue(true) as ClosureFormValues;
    const input = {
      summary: values.summary.trim(),
      targetResults: values.targetResults.map((result) => ({
        targetId: result.targetId,
        achieved: result.achieved ?? null,
        comment: (result.comment ?? '').trim(),
      })),
      fileIds: values.fileIds ?? [],
    };
    saveThenSubmit({ version: editing?.version ?? 0, input }, andSubmit);
  };

  return (
    <DraftDrawer
      title={editing ? t('closure.form.editTitle') : t('closure.form.createTitle')}
      width={760}
      saveLabel={t('closure.form.save')}
      submitLabel={t('closure.form.saveAndSubmit')}
      isSaving={save.isPending}
      isSubmitting={act.isPending}
      error={formError}
      onClose={onClose}
      onSave={(andSubmit) => void handleSave(andSubmit)}
    >
      {closure.evidenceRequired && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('closure.form.evidenceRequired')} />
      )}
      <Form<ClosureFormValues> form={form} layout="vertical" initialValues={initialValues} requiredMark={false}>
        <Form.Item
          name="summary"
          label={t('closure.fields.summary')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('validation.required', { field: t('closure.fields.summary') }),
            },
            ...optionalText(t, t('closure.fields.summary'), CLOSURE_LIMITS.summaryMax),
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 14 }}
            maxLength={CLOSURE_LIMITS.summaryMax}
            placeholder={t('closure.form.summaryPlaceholder')}
          />
        </Form.Item>
        <Typography.Title level={5}>{t('closure.fields.targetResults')}</Typography.Title>
        {closure.targets.length === 0 ? (
          <Typography.Paragraph type="secondary">{t('closure.form.noTargets')}</Typography.Paragraph>
        ) : (
          <Form.List name="targetResults">
            {(fields) => (
              <Flex vertical gap={12} style={{ marginBottom: 24 }}>
                {fields.map((field, index) => {
                  const target = closure.targets[index];
                  if (!target) return null;
                  return (
                    <Card
                      key={field.key}
                      size="small"
                      role="group"
                      aria-label={target.name}
                      styles={{ body: { paddingBottom: 0 } }}
                    >
                      <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 8 }}>
                        <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
                          {target.name}
                        </Typography.Text>
                        <Typography.Text type="secondary">
                          {t('closure.form.targetValue', {
                            value: formatAmount(target.targetValue, target.measureUnit, locale),
                          })}
                        </Typography.Text>
                      </Flex>
                      <Row gutter={12}>
                        <Col xs={24} sm={9}>
                          <Form.Item
                            name={[field.name, 'achieved']}
                            label={t('closure.fields.achieved')}
                            style={{ marginBottom: 12 }}
                          >
                            <InputNumber
                              style={{ width: '100%' }}
                              min={-1e12}
                              max={1e12}
                              suffix={target.measureUnit || undefined}
                            />
                          </Form.Item>
                        </Col>
                        <Col xs={24} sm={15}>
                          <Form.Item
                            name={[field.name, 'comment']}
                            label={t('closure.fields.comment')}
                            rules={optionalText(t, t('closure.fields.comment'), CLOSURE_LIMITS.commentMax)}
                            style={{ marginBottom: 12 }}
                          >
                            <Input maxLength={CLOSURE_LIMITS.commentMax} />
                          </Form.Item>
                        </Col>
                      </Row>
                    </Card>
                  );
                })}
              </Flex>
            )}
          </Form.List>
        )}
        <Form.Item name="fileIds" label={t('closure.fields.evidence')}>
          <EvidencePicker taskId={task.id} maxCount={CLOSURE_LIMITS.filesMax} />
        </Form.Item>
      </Form>
    </DraftDrawer>
  );
}
