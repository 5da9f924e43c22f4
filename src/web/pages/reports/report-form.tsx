import { Alert, Card, Checkbox, Flex, Form, type FormInstance, Input, InputNumber, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanContent } from '../../../shared/plans-api.js';
import { REPORT_LIMITS } from '../../../shared/reports-api.js';
import { EvidencePicker } from '../../components/evidence-picker.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDay } from '../tasks/task-view-model.js';
import { REPORT_TEXT_FIELDS, type ReportFormValues } from './report-form-values.js';
import { formatList } from './report-format.js';
import { ReportPercentInput } from './report-percent-input.js';
import { formatAmount } from './report-plan-items.js';
import { ReportPublicSummaryCard } from './report-public-summary.js';

/** The fields the API may name in a field error. */
export const REPORT_FORM_FIELDS = [
  ...REPORT_TEXT_FIELDS,
  'percent',
  'targetValues',
  'milestonesDone',
  'explanation',
  'publicSummary',
  'fileIds',
];

interface ReportFormProps {
  form: FormInstance<ReportFormValues>;
  initialValues: ReportFormValues;
  taskId: number;
  plan: PlanContent | null;
  /** The unit's last accepted percent (a lower one needs an explanation). */
  previousPercent: number | null;
  /** The server asked for an explanation. */
  isExplanationAsked: boolean;
  onChange: () => void;
}

/** Plan milestones that need evidence and are ticked while the report has no file. */
function missingEvidence(plan: PlanContent | null, done: readonly string[], fileIds: readonly number[]) {
  if (!plan || fileIds.length > 0) return [];
  return plan.milestones.filter((milestone) => milestone.evidenceRequired && done.includes(milestone.id));
}

/** The report form, one column: texts, percent, the plan's targets and milestones, evidence. */
export function ReportForm(props: ReportFormProps) {
  const { form, initialValues, taskId, plan, previousPercent } = props;
  const { t } = useTranslation();
  const locale = currentLocale();
  const percent = Form.useWatch('percent', form);
  const explanation = Form.useWatch('explanation', form);
  const done = Form.useWatch('milestonesDone', form) ?? initialValues.milestonesDone;
  const fileIds = Form.useWatch('fileIds', form) ?? initialValues.fileIds;
  const isDrop = previousPercent !== null && typeof percent === 'number' && percent < previousPercent;
  const showExplanation = props.isExplanationAsked || isDrop || Boolean(explanation?.trim());
  const unproven = missingEvidence(plan, done, fileIds);

  return (
    <Form<ReportFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={props.onChange}
      className="report-form"
      requiredMark={false}
      scrollToFirstError
    >
      <Card title={t('reports.form.sectionProgress')} size="small" style={{ marginBottom: 16 }}>
        {REPORT_TEXT_FIELDS.map((field) => (
          <Form.Item
            key={field}
            name={field}
            label={t(`reports.fields.${field}`)}
            extra={t(`reports.form.help.${field}`)}
            rules={
              field === 'doneText'
                ? [{ required: true, whitespace: true, message: t('reports.form.doneTextRequired') }]
                : undefined
            }
          >
            <Input.TextArea
              autoSize={{ minRows: field === 'doneText' ? 5 : 3, maxRows: 16 }}
              maxLength={REPORT_LIMITS.textMax}
              placeholder={t(`reports.form.placeholder.${field}`)}
            />
          </Form.Item>
        ))}
      </Card>
      <Card title={t('reports.form.sectionPercent')} size="small" style={{ marginBottom: 16 }}>
        <Form.Item
          name="percent"
          label={t('reports.fields.percent')}
          extra={previousPercent !== null ? t('reports.form.previousPercent', { percent: previousPercent }) : undefined}
          rules={[{ required: true, type: 'number', message: t('reports.form.percentRequired') }]}
        >
          <ReportPercentInput />
        </Form.Item>
        {showExplanation && (
          <Form.Item
            name="explanation"
            label={t('reports.fields.explanation')}
            extra={
              isDrop
                ? t('reports.form.explanationDrop', { percent: previousPercent })
                : t('reports.form.explanationHelp')
            }
            rules={[
              {
                required: isDrop || props.isExplanationAsked,
                whitespace: true,
                message: t('reports.form.explanationRequired'),
              },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={REPORT_LIMITS.explanationMax} showCount />
          </Form.Item>
        )}
        {plan && plan.targets.length > 0 && (
          <Flex vertical gap={0}>
            <Typography.Text strong style={{ marginBottom: 8 }}>
              {t('reports.fields.targetValues')}
            </Typography.Text>
            {plan.targets.map((target) => (
              <Form.Item
                key={target.id}
                name={['targetValues', target.id]}
                label={
                  target.measureUnit
                    ? t('reports.form.targetLabel', { name: target.name, unit: target.measureUnit })
                    : target.name
                }
                extra={t('reports.form.targetHelp', {
                  baseline: formatAmount(target.baseline, locale),
                  target: formatAmount(target.targetValue, locale),
                  unit: target.measureUnit,
                })}
              >
                <InputNumber size="large" inputMode="decimal" style={{ width: '100%', maxWidth: 280 }} />
              </Form.Item>
            ))}
          </Flex>
        )}
      </Card>
      {plan && plan.milestones.length > 0 && (
        <Card title={t('reports.fields.milestonesDone')} size="small" style={{ marginBottom: 16 }}>
          <Form.Item name="milestonesDone" extra={t('reports.form.milestonesHelp')} style={{ marginBottom: 0 }}>
            <Checkbox.Group style={{ width: '100%' }}>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                {plan.milestones.map((milestone) => (
                  <Checkbox key={milestone.id} value={milestone.id}>
                    <Flex gap={6} align="center" wrap>
                      <span style={{ overflowWrap: 'anywhere' }}>{milestone.deliverable}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDay(milestone.date, locale)}
                      </Typography.Text>
                      {milestone.evidenceRequired && (
                        <Tag color="gold" style={{ marginInlineEnd: 0 }}>
                          {t('reports.form.evidenceRequired')}
                        </Tag>
                      )}
                    </Flex>
                  </Checkbox>
                ))}
              </Flex>
            </Checkbox.Group>
          </Form.Item>
        </Card>
      )}
      <ReportPublicSummaryCard />
      <Card title={t('reports.fields.files')} size="small" style={{ marginBottom: 16 }}>
        {unproven.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('reports.form.evidenceMissing', {
              milestones: formatList(
                unproven.map((m) => m.deliverable),
                locale,
              ),
            })}
          />
        )}
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('reports.form.filesHelp')}
        </Typography.Paragraph>
        <Form.Item name="fileIds" style={{ marginBottom: 0 }}>
          <EvidencePicker taskId={taskId} maxCount={REPORT_LIMITS.filesMax} />
        </Form.Item>
      </Card>
    </Form>
  );
}
