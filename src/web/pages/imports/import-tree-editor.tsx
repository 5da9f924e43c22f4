import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../../api/units.queries.js';
import type { ImportTreeEdit } from './import-item-details.js';
import { ImportItemRow } from './import-item-row.js';
import { type DraftItem, emptyItem, flatten, type UnitMapping } from './import-tree-model.js';

interface ImportTreeEditorProps {
  items: DraftItem[];
  mapping: UnitMapping;
  onEdit: ImportTreeEdit;
}

/** The parsed tree as an editable list of items, nested by level. */
export function ImportTreeEditor({ items, mapping, onEdit }: ImportTreeEditorProps) {
  const { t } = useTranslation();
  const units = useUnits(false);
  const unitNames = useMemo(() => new Map((units.data ?? []).map((unit) => [unit.id, unit.name])), [units.data]);
  const handleAdd = () => onEdit((tree) => [...tree, emptyItem(t('imports.review.newItem'))]);
  return (
    <Card
      size="small"
      title={t('imports.review.treeTitle', { count: flatten(items).length })}
      extra={
        <Button size="small" icon={<PlusOutlined />} onClick={handleAdd}>
          {t('imports.review.addItem')}
        </Button>
      }
    >
      {items.length === 0 ? (
        <Empty description={t('imports.review.noItems')} />
      ) : (
        <ul style={{ padding: 0, margin: 0 }}>
          {items.map((item, index) => (
            <ImportItemRow
              key={item.id}
              item={item}
              depth={0}
              isFirst={index === 0}
              mapping={mapping}
              unitNames={unitNames}
              onEdit={onEdit}
            />
          ))}
        </ul>
      )}
    </Card>
  );
}
