import {
  Col,
  DatePicker,
  Divider,
  Flex,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Switch,
  Typography,
} from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../shared/task-api.js';
import { TASK_LIMITS, TASK_PRIORITIES } from '../../../shared/tasks.js';
import { useWorkingDaysFrom } from '../../api/calendar.queries.js';
import { UnitTreeSelect } from '../../components/unit-tree-select.js';
import { currentLocale } from '../../i18n/index.js';
import { optionalText, requiredText } from '../../lib/form-rules.js';
import { TaskCooperatingUnitsField } from './task-cooperating-units-field.js';
import type { TaskFormValues } from './task-form-values.js';
import { TaskSourceSelect } from './task-source-select.js';
import { TaskUserSelect } from './task-user-select.js';
import { formatDay, todayString } from './task-view-model.js';

interface TaskFormProps {
  form: FormInstance<TaskFormValues>;
  initialValues: TaskFormValues;
  onFinish: (values: TaskFormValues) => void;
  /** The task being edited, for the names of its current source and people. */
  task?: TaskDetail;
  /** Offer "N working days from assignment" (only before the task is assigned). */
  allowWorkingDays: boolean;
  /** Shown above the fields (e.g. the parent task). */
  header?: ReactNode;
}

/** "If assigned today, the deadline would be …", from the holiday calendar when it is available. */
function WorkingDaysPreview({ days }: { days: number | null | undefined }) {
  const { t } = useTranslation();
  const preview = useWorkingDaysFrom(todayString(), days && days > 0 ? days : null);
  // Silent while the calendar is unavailable: the deadline is computed on assignment anyway.
  if (!preview.data || !days) return null;
  const date = formatDay(preview.data.date, currentLocale());
  return (
    <Typography.Text type="secondary">
      {preview.data.published
        ? t('tasks.form.workingDaysPreview', { date })
        : t('tasks.form.workingDaysPreviewUnpublished', { date })}
    </Typography.Text>
  );
}

/** The fields of a task, shared by 立项 (register) and edit; names match the API for field errors. */
export function TaskForm({ form, initialValues, onFinish, task, allowWorkingDays, header }: TaskFormProps) {
  const { t } = useTranslation();
  const leadUnitId = Form.useWatch('leadUnitId', form);
  const deadlineMode = Form.useWatch('deadlineMode', form) ?? 'date';
  const workingDays = Form.useWatch('deadlineWorkingDays', form);

  return (
    <Form<TaskFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={onFinish}
      onValuesChange={(changed: Partial<TaskFormValues>) => {
        // The responsible person must belong to the lead unit.
        if ('leadUnitId' in changed) form.setFieldValue('responsiblePersonId', null);
      }}
      scrollToFirstError
    >
      {header}
      <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
        {t('tasks.form.sectionBasics')}
      </Divider>
      <Form.Item
        name="title"
        label={t('tasks.fields.title')}
        rules={requiredText(t, t('tasks.fields.title'), TASK_LIMITS.titleMax)}
      >
        <Input maxLength={TASK_LIMITS.titleMax} showCount placeholder={t('tasks.form.titlePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('tasks.fields.description')}
        rules={optionalText(t, t('tasks.fields.description'), TASK_LIMITS.descriptionMax)}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={TASK_LIMITS.descriptionMax} />
      </Form.Item>
      <Form.Item name="sourceId" label={t('tasks.fields.source')}>
        <TaskSourceSelect canCreate selected={task?.source ?? null} placeholder={t('tasks.form.sourcePlaceholder')} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="category"
            label={t('tasks.fields.category')}
            rules={optionalText(t, t('tasks.fields.category'), TASK_LIMITS.categoryMax)}
          >
            <Input maxLength={TASK_LIMITS.categoryMax} placeholder={t('tasks.form.categoryPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="tags"
            label={t('tasks.fields.tags')}
            extra={t('tasks.form.tagsHelp')}
            rules={[
              {
                type: 'array',
                max: TASK_LIMITS.tagsMax,
                message: t('validation.maxItems', { max: TASK_LIMITS.tagsMax }),
              },
            ]}
          >
            <Select
              mode="tags"
              open={false}
              suffixIcon={null}
              tokenSeparators={[',', '，', '、', ';', '；']}
              maxCount={TASK_LIMITS.tagsMax}
            />
          </Form.Item>
        </Col>
      </Row>
      <Flex gap={24} wrap>
        <Form.Item name="isKey" label={t('tasks.fields.isKey')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="priority" label={t('tasks.fields.priority')}>
          <Radio.Group
            optionType="button"
            options={TASK_PRIORITIES.map((priority) => ({ value: priority, label: t(`tasks.priority.${priority}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="isPublic"
          label={t('tasks.fields.isPublic')}
          valuePropName="checked"
          tooltip={t('tasks.form.isPublicHelp')}
        >
          <Switch />
        </Form.Item>
      </Flex>

      <Divider titlePlacement="start" plain>
        {t('tasks.form.sectionResponsibility')}
      </Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="leadUnitId" label={t('tasks.fields.leadUnit')} extra={t('tasks.form.leadUnitHelp')}>
            <UnitTreeSelect placeholder={t('tasks.form.unitPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="responsiblePersonId"
            label={t('tasks.fields.responsiblePerson')}
            extra={t('tasks.form.personHelp')}
          >
            <TaskUserSelect
              unitId={leadUnitId ?? null}
              disabled={!leadUnitId}
              selected={task?.responsiblePerson ?? null}
              placeholder={leadUnitId ? t('tasks.form.personPlaceholder') : t('tasks.form.personNeedsUnit')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="responsibleLeaderId" label={t('tasks.fields.responsibleLeader')}>
            <TaskUserSelect
              userRole="leader"
              selected={task?.responsibleLeader ?? null}
              placeholder={t('tasks.form.leaderPlaceholder')}
            />
          </Form.Item>
        </Col>
      </Row>
      <TaskCooperatingUnitsField leadUnitId={leadUnitId} />

      <Divider titlePlacement="start" plain>
        {t('tasks.form.sectionTime')}
      </Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="startDate" label={t('tasks.fields.startDate')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="weight" label={t('tasks.fields.weight')} extra={t('tasks.form.weightHelp')}>
            <InputNumber min={0.1} max={1000} step={1} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {allowWorkingDays && (
        <Form.Item name="deadlineMode" label={t('tasks.form.deadlineMode')}>
          <Radio.Group
            options={[
              { value: 'date', label: t('tasks.form.deadlineByDate') },
              { value: 'workingDays', label: t('tasks.form.deadlineByWorkingDays') },
            ]}
          />
        </Form.Item>
      )}
      {deadlineMode === 'workingDays' && allowWorkingDays ? (
        <Form.Item
          label={t('tasks.fields.deadlineWorkingDays')}
          required
          extra={<WorkingDaysPreview days={workingDays} />}
        >
          <Flex align="center" gap={8}>
            <Form.Item
              name="deadlineWorkingDays"
              noStyle
              rules={[
                { required: true, message: t('validation.required', { field: t('tasks.fields.deadlineWorkingDays') }) },
              ]}
            >
              <InputNumber min={1} max={1000} precision={0} style={{ width: 140 }} />
            </Form.Item>
            <Typography.Text>{t('tasks.form.workingDaysUnit')}</Typography.Text>
          </Flex>
        </Form.Item>
      ) : (
        <Form.Item name="deadline" label={t('tasks.fields.deadline')}>
          <DatePicker style={{ width: '100%', maxWidth: 320 }} />
        </Form.Item>
      )}
    </Form>
  );
}
