import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_LIMITS } from '../../../shared/tasks.js';
import { UnitTreeSelect } from '../../components/unit-tree-select.js';

/** 配合单位: any number of rows, each a unit (not the lead unit) and the text of its part. */
export function TaskCooperatingUnitsField({ leadUnitId }: { leadUnitId: number | null | undefined }) {
  const { t } = useTranslation();
  const leadOnly = useMemo(() => new Set(leadUnitId ? [leadUnitId] : []), [leadUnitId]);
  return (
    <Form.List name="cooperatingUnits">
      {(fields, { add, remove }, { errors }) => (
        <Form.Item label={t('tasks.fields.cooperatingUnits')} extra={t('tasks.form.cooperatingHelp')}>
          <Flex vertical gap={12}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="flex-start" wrap className="task-cooperating-row">
                <div style={{ flex: '1 1 200px', minWidth: 0 }}>
                  <Form.Item
                    name={[field.name, 'unitId']}
                    rules={[
                      {
                        required: true,
                        message: t('validation.required', { field: t('tasks.fields.cooperatingUnit') }),
                      },
                    ]}
                    style={{ marginBottom: 0 }}
                  >
                    <UnitTreeSelect
                      disabledIds={leadOnly}
                      placeholder={t('tasks.form.unitPlaceholder')}
                      aria-label={t('tasks.form.cooperatingUnitN', { n: index + 1 })}
                    />
                  </Form.Item>
                </div>
                <div style={{ flex: '2 1 240px', minWidth: 0 }}>
                  <Form.Item name={[field.name, 'part']} style={{ marginBottom: 0 }}>
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      maxLength={TASK_LIMITS.partMax}
                      placeholder={t('tasks.form.partPlaceholder')}
                      aria-label={t('tasks.form.partN', { n: index + 1 })}
                    />
                  </Form.Item>
                </div>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('tasks.form.removeCooperating', { n: index + 1 })}
                />
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ unitId: null, part: '' })}
              disabled={fields.length >= TASK_LIMITS.cooperatingUnitsMax}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('tasks.form.addCooperating')}
            </Button>
            <Form.ErrorList errors={errors} />
          </Flex>
        </Form.Item>
      )}
    </Form.List>
  );
}
