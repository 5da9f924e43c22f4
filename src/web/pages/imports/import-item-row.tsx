import {
  DeleteOutlined,
  DownOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  MergeCellsOutlined,
  MoreOutlined,
  UpOutlined,
} from '@ant-design/icons';
import { App, Button, Dropdown, Flex, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportItemDetails, type ImportTreeEdit } from './import-item-details.js';
import { dropItem, indentItem, mergeWithPrevious, outdentItem, updateItem } from './import-tree-edits.js';
import { type DraftItem, flatten, mappedUnit, type UnitMapping, unitsOf } from './import-tree-model.js';

interface ImportItemRowProps {
  item: DraftItem;
  depth: number;
  isFirst: boolean;
  mapping: UnitMapping;
  unitNames: ReadonlyMap<number, string>;
  onEdit: ImportTreeEdit;
}

/** The item at a glance: its units, deadline (or what it inherits) and key flag. */
function ItemSummary({ item, depth, mapping, unitNames }: Omit<ImportItemRowProps, 'onEdit' | 'isFirst'>) {
  const { t } = useTranslation();
  const units = unitsOf(item, mapping);
  const name = (id: number) => unitNames.get(id) ?? `#${id}`;
  const unmapped = item.units
    ? []
    : [...item.leadNames, ...item.cooperatingNames].filter((written) => mappedUnit(mapping, written) === undefined);
  const inherits = depth > 0 && !item.units && item.leadNames.length + item.cooperatingNames.length === 0;
  return (
    <Flex gap={4} wrap style={{ marginTop: 4 }}>
      {units.leadUnitId !== null ? (
        <Tag color="blue">{t('imports.item.leadIs', { name: name(units.leadUnitId) })}</Tag>
      ) : (
        <Tag color={inherits ? 'default' : 'warning'}>
          {inherits ? t('imports.item.leadIs', { name: t('imports.item.inherits') }) : t('imports.item.noUnits')}
        </Tag>
      )}
      {unmapped.map((written) => (
        <Tag key={written} color="error">
          {t('imports.item.unmapped', { name: written })}
        </Tag>
      ))}
      {units.cooperatingUnitIds.map((id) => (
        <Tag key={id}>{name(id)}</Tag>
      ))}
      <Tag color={item.deadline ? 'purple' : 'default'}>
        {t('imports.item.deadlineIs', {
          date:
            item.deadline ?? (item.ongoing ? t('imports.item.ongoing') : depth > 0 ? t('imports.item.inherits') : '—'),
        })}
      </Tag>
      {item.deadlinePhrase && (
        <Typography.Text type="secondary">{t('imports.item.written', { text: item.deadlinePhrase })}</Typography.Text>
      )}
      {item.isKey && <Tag color="red">{t('imports.item.isKey')}</Tag>}
    </Flex>
  );
}

/** One item of the tree under review, with its children below it, indented. */
export function ImportItemRow(props: ImportItemRowProps) {
  const { item, depth, isFirst, onEdit } = props;
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [open, setOpen] = useState(false);
  const title = item.title;
  const below = flatten(item.children).length;

  const handleDrop = () =>
    modal.confirm({
      title:
        below > 0
          ? t('imports.item.dropWithChildren', { title, count: below })
          : t('imports.item.dropConfirm', { title }),
      okButtonProps: { danger: true },
      okText: t('imports.item.drop'),
      onOk: () => onEdit((tree) => dropItem(tree, item.id)),
    });

  const actions = [
    { key: 'merge', icon: <MergeCellsOutlined />, label: t('imports.item.merge'), disabled: isFirst },
    { key: 'indent', icon: <MenuUnfoldOutlined />, label: t('imports.item.indent'), disabled: isFirst },
    { key: 'outdent', icon: <MenuFoldOutlined />, label: t('imports.item.outdent'), disabled: depth === 0 },
    { key: 'drop', icon: <DeleteOutlined />, label: t('imports.item.drop'), danger: true },
  ];
  const handleAction = ({ key }: { key: string }) => {
    if (key === 'merge') onEdit((tree) => mergeWithPrevious(tree, item.id));
    if (key === 'indent') onEdit((tree) => indentItem(tree, item.id));
    if (key === 'outdent') onEdit((tree) => outdentItem(tree, item.id));
    if (key === 'drop') handleDrop();
  };

  return (
    <li style={{ listStyle: 'none' }}>
      <div
        style={{
          borderInlineStart: `3px solid ${depth === 0 ? 'var(--ant-color-primary)' : 'var(--ant-color-border)'}`,
          padding: '8px 0 8px 10px',
          marginTop: 8,
        }}
      >
        <Flex gap={6} align="center">
          {item.marker && (
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
              {item.marker}
            </Typography.Text>
          )}
          <Input
            value={title}
            onChange={(e) => onEdit((tree) => updateItem(tree, item.id, { title: e.target.value }))}
            aria-label={t('imports.item.title', { title })}
            status={title.trim() ? undefined : 'error'}
          />
          <Button
            icon={open ? <UpOutlined /> : <DownOutlined />}
            aria-expanded={open}
            aria-label={t('imports.item.detailsOf', { title })}
            onClick={() => setOpen(!open)}
          />
          <Dropdown menu={{ items: actions, onClick: handleAction }} trigger={['click']}>
            <Button icon={<MoreOutlined />} aria-label={t('imports.item.actions', { title })} />
          </Dropdown>
        </Flex>
        <ItemSummary {...props} />
        {open && <ImportItemDetails item={item} mapping={props.mapping} onEdit={onEdit} />}
      </div>
      {item.children.length > 0 && (
        <ul style={{ paddingInlineStart: 16, margin: 0 }}>
          {item.children.map((child, index) => (
            <ImportItemRow key={child.id} {...props} item={child} depth={depth + 1} isFirst={index === 0} />
          ))}
        </ul>
      )}
    </li>
  );
}
