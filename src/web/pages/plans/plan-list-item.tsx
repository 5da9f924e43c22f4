import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One item of a list in the plan editor (a target, a step…): a labelled group with a remove button. */
export function PlanListItem({
  label,
  onRemove,
  children,
}: {
  label: string;
  onRemove: () => void;
  children: ReactNode;
}) {
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
