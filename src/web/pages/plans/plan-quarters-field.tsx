import { DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Form, type FormInstance, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { todayString } from '../tasks/task-view-model.js';
import type { PlanFormValues } from './plan-form-values.js';
import { nextQuarter, quarterOptions } from './plan-form-values.js';
import { quarterLabel } from './plan-format.js';
import { PLAN_LIMITS } from './plan-limits.js';
import { AddItemButton, Flex12 } from './plan-list-item.js';

/** 形象进度: one line per quarter — which quarter, and the percent expected done by its end. */
export function PlanQuartersField({ form, deadline }: { form: FormInstance<PlanFormValues>; deadline: string | null }) {
  const { t } = useTranslation();
  const entries = Form.useWatch('expectedProgress', form) ?? [];
  const taken = entries.flatMap((entry) => (entry?.quarter ? [entry.quarter] : []));
  const options = quarterOptions({ today: todayString(), deadline, taken }).map((value) => ({
    value,
    label: quarterLabel(value, t),
  }));
  const quarterText = t('plans.fields.quarter.quarter');
  const percentText = t('plans.fields.quarter.percent');
  return (
    <Form.List name="expectedProgress">
      {(fields, { add, remove }) => (
        <Flex12>
          {fields.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('plans.editor.quartersHelp')}
            </Typography.Text>
          )}
          {fields.map((field, index) => (
            <Flex
              key={field.key}
              gap={8}
              align="flex-start"
              role="group"
              aria-label={t('plans.editor.quarterN', { n: index + 1 })}
            >
              <Form.Item
                name={[field.name, 'quarter']}
                rules={[{ required: true, message: t('validation.required', { field: quarterText }) }]}
                style={{ flex: '1 1 160px', minWidth: 0, marginBottom: 0 }}
              >
                <Select options={options} aria-label={quarterText} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'percent']}
                rules={[{ required: true, message: t('validation.required', { field: percentText }) }]}
                style={{ flex: '0 1 120px', minWidth: 96, marginBottom: 0 }}
              >
                <InputNumber
                  min={0}
                  max={100}
                  precision={0}
                  suffix="%"
                  style={{ width: '100%' }}
                  aria-label={percentText}
                />
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                onClick={() => remove(field.name)}
                aria-label={t('plans.editor.removeItem', { item: t('plans.editor.quarterN', { n: index + 1 }) })}
                style={{ flex: 'none' }}
              />
            </Flex>
          ))}
          <AddItemButton
            label={t('plans.editor.addQuarter')}
            onAdd={() => add({ quarter: nextQuarter(taken, todayString()), percent: null })}
            disabled={fields.length >= PLAN_LIMITS.quartersMax}
          />
        </Flex12>
      )}
    </Form.List>
  );
}
