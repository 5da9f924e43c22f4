import { Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { requiredText } from '../../lib/form-rules.js';
import { PLAN_LIMITS } from './plan-limits.js';
import { AddItemButton, PlanListItem } from './plan-list-item.js';

/** Dates after the task's deadline cannot be picked (the server refuses them too). */
export function afterDeadline(deadline: string | null) {
  return (date: Dayjs) => deadline !== null && date.format('YYYY-MM-DD') > deadline;
}

const fieldStyle = { marginBottom: 12 } as const;

/** 目标: name, unit of measure, baseline, target value, due date. */
export function PlanTargetsField({ deadline }: { deadline: string | null }) {
  const { t } = useTranslation();
  const label = (field: 'name' | 'measureUnit' | 'baseline' | 'targetValue' | 'dueDate') =>
    t(`plans.fields.target.${field}`);
  return (
    <Form.List name="targets">
      {(fields, { add, remove }) => (
        <Flex12>
          {fields.map((field, index) => (
            <PlanListItem
              key={field.key}
              label={t('plans.editor.targetN', { n: index + 1 })}
              onRemove={() => remove(field.name)}
            >
              <Form.Item name={[field.name, 'id']} hidden>
                <Input />
              </Form.Item>
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
                    <Input
                      maxLength={PLAN_LIMITS.measureUnitMax}
                      placeholder={t('plans.editor.measureUnitPlaceholder')}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={6}>
                  <Form.Item
                    name={[field.name, 'baseline']}
                    label={label('baseline')}
                    rules={[{ required: true, message: t('validation.required', { field: label('baseline') }) }]}
                    style={fieldStyle}
                  >
                    <InputNumber style={{ width: '100%' }} min={-1e12} max={1e12} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={6}>
                  <Form.Item
                    name={[field.name, 'targetValue']}
                    label={label('targetValue')}
                    rules={[{ required: true, message: t('validation.required', { field: label('targetValue') }) }]}
                    style={fieldStyle}
                  >
                    <InputNumber style={{ width: '100%' }} min={-1e12} max={1e12} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={6}>
                  <Form.Item name={[field.name, 'dueDate']} label={label('dueDate')} style={fieldStyle}>
                    <DatePicker style={{ width: '100%' }} disabledDate={afterDeadline(deadline)} />
                  </Form.Item>
                </Col>
              </Row>
            </PlanListItem>
          ))}
          <AddItemButton
            label={t('plans.editor.addTarget')}
            onAdd={() => add({ measureUnit: '' })}
            disabled={fields.length >= PLAN_LIMITS.targetsMax}
          />
        </Flex12>
      )}
    </Form.List>
  );
}

/** A vertical stack with 12 px between items. */
export function Flex12({ children }: { children: React.ReactNode }) {
  return <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>{children}</div>;
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
    <Form.List name="steps">
      {(fields, { add, remove }) => (
        <Flex12>
          {fields.map((field, index) => (
            <PlanListItem
              key={field.key}
              label={t('plans.editor.stepN', { n: index + 1 })}
              onRemove={() => remove(field.name)}
            >
              <Form.Item name={[field.name, 'id']} hidden>
                <Input />
              </Form.Item>
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
                      rules={[{ required: true, message: t('validation.required', { field: label('ownerUnitId') }) }]}
                      style={fieldStyle}
                    >
                      <Select options={units.map((unit) => ({ value: unit.unitId, label: unit.unitName }))} />
                    </Form.Item>
                  </Col>
                )}
                <Col xs={12} md={units ? 7 : 12}>
                  <Form.Item name={[field.name, 'startDate']} label={label('startDate')} style={fieldStyle}>
                    <DatePicker style={{ width: '100%' }} disabledDate={afterDeadline(deadline)} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={units ? 7 : 12}>
                  <Form.Item name={[field.name, 'endDate']} label={label('endDate')} style={fieldStyle}>
                    <DatePicker style={{ width: '100%' }} disabledDate={afterDeadline(deadline)} />
                  </Form.Item>
                </Col>
              </Row>
            </PlanListItem>
          ))}
          <AddItemButton
            label={t('plans.editor.addStep')}
            onAdd={() => add(units ? { ownerUnitId: defaultUnitId ?? undefined } : {})}
            disabled={fields.length >= PLAN_LIMITS.stepsMax}
          />
        </Flex12>
      )}
    </Form.List>
  );
}

/** 时间节点: a date, the deliverable, and whether it must be proven with a file. */
export function PlanMilestonesField({ deadline }: { deadline: string | null }) {
  const { t } = useTranslation();
  const label = (field: 'date' | 'deliverable' | 'evidenceRequired') => t(`plans.fields.milestone.${field}`);
  return (
    <Form.List name="milestones">
      {(fields, { add, remove }) => (
        <Flex12>
          {fields.map((field, index) => (
            <PlanListItem
              key={field.key}
              label={t('plans.editor.milestoneN', { n: index + 1 })}
              onRemove={() => remove(field.name)}
            >
              <Form.Item name={[field.name, 'id']} hidden>
                <Input />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} sm={8}>
                  <Form.Item
                    name={[field.name, 'date']}
                    label={label('date')}
                    rules={[{ required: true, message: t('validation.required', { field: label('date') }) }]}
                    style={fieldStyle}
                  >
                    <DatePicker style={{ width: '100%' }} disabledDate={afterDeadline(deadline)} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={16}>
                  <Form.Item
                    name={[field.name, 'deliverable']}
                    label={label('deliverable')}
                    rules={requiredText(t, label('deliverable'), PLAN_LIMITS.deliverableMax)}
                    style={fieldStyle}
                  >
                    <Input
                      maxLength={PLAN_LIMITS.deliverableMax}
                      placeholder={t('plans.editor.deliverablePlaceholder')}
                    />
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
            </PlanListItem>
          ))}
          <AddItemButton
            label={t('plans.editor.addMilestone')}
            onAdd={() => add({ evidenceRequired: false })}
            disabled={fields.length >= PLAN_LIMITS.milestonesMax}
          />
        </Flex12>
      )}
    </Form.List>
  );
}
