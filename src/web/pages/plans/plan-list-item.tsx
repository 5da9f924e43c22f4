import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, type FormListFieldData, Input, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A vertical stack with 12 px between items. */
export function Flex12({ children }: { children: ReactNode }) {
  return <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>{children}</div>;
}

/** One item of a list in the plan editor (a target, a step…): a labelled group with a remove button. */
function PlanListItem({ label, onRemove, children }: { label: string; onRemove: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card size="small" role="group" aria-label={label} styles={{ body: { paddingBottom: 0 } }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{label}</Typography.Text>
        <Button
          type="text"
          size="small"
          danger
          icon={<DeleteOutlined />}
          onClick={onRemove}
          aria-label={t('plans.editor.removeItem', { item: label })}
        >
          {t('plans.editor.remove')}
        </Button>
      </Flex>
      {children}
    </Card>
  );
}

/** The dashed "add …" button under a list, disabled at the list's limit. */
export function AddItemButton({ label, onAdd, disabled }: { label: string; onAdd: () => void; disabled?: boolean }) {
  return (
    <Button type="dashed" block icon={<PlusOutlined />} onClick={onAdd} disabled={disabled}>
      {label}
    </Button>
  );
}

interface PlanListFieldProps {
  /** The form list: targets, steps or milestones. */
  name: string;
  /** Item n's heading (from 1), also the name of its group. */
  itemLabel: (n: number) => string;
  addLabel: string;
  /** How many items the list may hold. */
  max: number;
  /** The values a new item starts with. */
  newItem: () => object;
  /** One item's fields (its id is kept here, in a hidden field). */
  children: (field: FormListFieldData) => ReactNode;
}

/** A list in the plan editor: its items, each removable, then a button that adds one. */
export function PlanListField({ name, itemLabel, addLabel, max, newItem, children }: PlanListFieldProps) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Flex12>
          {fields.map((field, index) => (
            <PlanListItem key={field.key} label={itemLabel(index + 1)} onRemove={() => remove(field.name)}>
              <Form.Item name={[field.name, 'id']} hidden>
                <Input />
              </Form.Item>
              {children(field)}
            </PlanListItem>
          ))}
          <AddItemButton label={addLabel} onAdd={() => add(newItem())} disabled={fields.length >= max} />
        </Flex12>
      )}
    </Form.List>
  );
}
