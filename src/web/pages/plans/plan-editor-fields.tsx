import { Checkbox, Col, DatePicker, type DatePickerProps, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { requiredText, requiredValue } from '../../lib/form-rules.js';
import { PLAN_LIMITS } from './plan-limits.js';
import { PlanListField } from './plan-list-item.js';

/** Dates after the task's deadline cannot be picked (the server refuses them too). */
export function afterDeadline(deadline: string | null) {
  return (date: Dayjs) => deadline !== null && date.format('YYYY-MM-DD') > deadline;
}

/** A full-width date picker that offers no day after the task's deadline. */
function DayPicker({ deadline, ...props }: DatePickerProps & { deadline: string | null }) {
  return <DatePicker style={{ width: '100%' }} disabledDate={afterDeadline(deadline)} {...props} />;
}

const fieldStyle = { marginBottom: 12 } as const;

/** 目标: name, unit of measure, baseline, target value, due date. */
export function PlanTargetsField({ deadline }: { deadline: string | null }) {
  const { t } = useTranslation();
  const label = (field: 'name' | 'measureUnit' | 'baseline' | 'targetValue' | 'dueDate') =>
    t(`plans.fields.target.${field}`);
  return (
    <PlanListField
      name="targets"
      itemLabel={(n) => t('plans.editor.targetN', { n })}
      addLabel={t('plans.editor.addTarget')}
      max={PLAN_LIMITS.targetsMax}
      newItem={() => ({ measureUnit: '' })}
    >
      {(field) => (
        <>
          <Form.Item
            name={[field.name, 'name']}
            label={label('name')}
            rules={requiredText(t, label('name'), PLAN_LIMITS.nameMax)}
            style={fieldStyle}
          >
            <Input maxLength={PLAN_LIMITS.nameMax} placeholder={t('plans.editor.namePlaceholder')} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={12} sm={6}>
              <Form.Item name={[field.name, 'measureUnit']} label={label('measureUnit')} style={fieldStyle}>
                <Input maxLength={PLAN_LIMITS.measureUnitMax} placeholder={t('plans.editor.measureUnitPlaceholder')} />
              </Form.Item>
            </Col>
            {(['baseline', 'targetValue'] as const).map((name) => (
              <Col key={name} xs={12} sm={6}>
                <Form.Item
                  name={[field.name, name]}
                  label={label(name)}
                  rules={requiredValue(t, label(name))}
                  style={fieldStyle}
                >
                  <InputNumber style={{ width: '100%' }} min={-1e12} max={1e12} />
                </Form.Item>
              </Col>
            ))}
            <Col xs={12} sm={6}>
              <Form.Item name={[field.name, 'dueDate']} label={label('dueDate')} style={fieldStyle}>
                <DayPicker deadline={deadline} />
              </Form.Item>
            </Col>
          </Row>
        </>
      )}
    </PlanListField>
  );
}

interface StepsFieldProps {
  deadline: string | null;
  /** The units a step can be given to (lead and cooperating); leave out for a unit's own part. */
  units?: ReadonlyArray<{ unitId: number; unitName: string }>;
  /** The unit new steps start with. */
  defaultUnitId?: number | null;
}

/** 步骤措施: what will be done, by which unit, from when to when. */
export function PlanStepsField({ deadline, units, defaultUnitId }: StepsFieldProps) {
  const { t } = useTranslation();
  const label = (field: 'text' | 'ownerUnitId' | 'startDate' | 'endDate') => t(`plans.fields.step.${field}`);
  return (
    <PlanListField
      name="steps"
      itemLabel={(n) => t('plans.editor.stepN', { n })}
      addLabel={t('plans.editor.addStep')}
      max={PLAN_LIMITS.stepsMax}
      newItem={() => (units ? { ownerUnitId: defaultUnitId ?? undefined } : {})}
    >
      {(field) => (
        <>
          <Form.Item
            name={[field.name, 'text']}
            label={label('text')}
            rules={requiredText(t, label('text'), PLAN_LIMITS.stepTextMax)}
            style={fieldStyle}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={PLAN_LIMITS.stepTextMax}
              placeholder={t('plans.editor.stepPlaceholder')}
            />
          </Form.Item>
          <Row gutter={12}>
            {units && (
              <Col xs={24} md={10}>
                <Form.Item
                  name={[field.name, 'ownerUnitId']}
                  label={label('ownerUnitId')}
                  rules={requiredValue(t, label('ownerUnitId'))}
                  style={fieldStyle}
                >
                  <Select options={units.map((unit) => ({ value: unit.unitId, label: unit.unitName }))} />
                </Form.Item>
              </Col>
            )}
            {(['startDate', 'endDate'] as const).map((name) => (
              <Col key={name} xs={12} md={units ? 7 : 12}>
                <Form.Item name={[field.name, name]} label={label(name)} style={fieldStyle}>
                  <DayPicker deadline={deadline} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </>
      )}
    </PlanListField>
  );
}

/** 时间节点: a date, the deliverable, and whether it must be proven with a file. */
export function PlanMilestonesField({ deadline }: { deadline: string | null }) {
  const { t } = useTranslation();
  const label = (field: 'date' | 'deliverable' | 'evidenceRequired') => t(`plans.fields.milestone.${field}`);
  return (
    <PlanListField
      name="milestones"
      itemLabel={(n) => t('plans.editor.milestoneN', { n })}
      addLabel={t('plans.editor.addMilestone')}
      max={PLAN_LIMITS.milestonesMax}
      newItem={() => ({ evidenceRequired: false })}
    >
      {(field) => (
        <>
          <Row gutter={12}>
            <Col xs={24} sm={8}>
              <Form.Item
                name={[field.name, 'date']}
                label={label('date')}
                rules={requiredValue(t, label('date'))}
                style={fieldStyle}
              >
                <DayPicker deadline={deadline} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={16}>
              <Form.Item
                name={[field.name, 'deliverable']}
                label={label('deliverable')}
                rules={requiredText(t, label('deliverable'), PLAN_LIMITS.deliverableMax)}
                style={fieldStyle}
              >
                <Input maxLength={PLAN_LIMITS.deliverableMax} placeholder={t('plans.editor.deliverablePlaceholder')} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name={[field.name, 'evidenceRequired']}
            valuePropName="checked"
            extra={t('plans.editor.evidenceRequiredHelp')}
            style={fieldStyle}
          >
            <Checkbox>{label('evidenceRequired')}</Checkbox>
          </Form.Item>
        </>
      )}
    </PlanListField>
  );
}
