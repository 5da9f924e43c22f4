import {
  DeliveredProcedureOutlined,
  EditOutlined,
  FolderOutlined,
  PlusOutlined,
  RollbackOutlined,
} from '@ant-design/icons';
import { Badge, Button, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../api/types.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { unitPath } from '../../lib/unit-tree.js';

interface UnitDetailsProps {
  unit: Unit;
  unitsById: ReadonlyMap<number, Unit>;
  childCount: number;
  isBusy: boolean;
  onEdit: () => void;
  onAddChild: () => void;
  onMove: () => void;
  onArchive: () => void;
  onRestore: () => void;
}

/** One unit's facts and the actions on it. */
export function UnitDetails({ unit, unitsById, childCount, isBusy, ...actions }: UnitDetailsProps) {
  const { t } = useTranslation();
  const none = t('common.none');
  const parent = unit.parentId === null ? t('units.details.topLevel') : unitPath(unitsById, unit.parentId) || none;
  return (
    <Flex vertical gap={16}>
      <Flex vertical gap={4}>
        <Typography.Title level={4} style={{ margin: 0, wordBreak: 'break-word' }}>
          {unit.name}
        </Typography.Title>
        <Typography.Text type="secondary" style={{ wordBreak: 'break-word' }}>
          {unitPath(unitsById, unit.id)}
        </Typography.Text>
      </Flex>
      <Flex gap={8} wrap>
        <Button icon={<EditOutlined />} onClick={actions.onEdit} disabled={isBusy}>
          {t('common.edit')}
        </Button>
        <Button icon={<PlusOutlined />} onClick={actions.onAddChild} disabled={isBusy || unit.archived}>
          {t('units.addChild')}
        </Button>
        <Button icon={<DeliveredProcedureOutlined />} onClick={actions.onMove} disabled={isBusy}>
          {t('units.moveTo')}
        </Button>
        {unit.archived ? (
          <Button icon={<RollbackOutlined />} onClick={actions.onRestore} loading={isBusy}>
            {t('units.restore')}
          </Button>
        ) : (
          <Button icon={<FolderOutlined />} danger onClick={actions.onArchive} loading={isBusy}>
            {t('units.archive')}
          </Button>
        )}
      </Flex>
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
        items={[
          { key: 'name', label: t('units.details.name'), children: unit.name },
          { key: 'shortName', label: t('units.details.shortName'), children: unit.shortName || none },
          {
            key: 'aliases',
            label: t('units.details.aliases'),
            children:
              unit.aliases.length > 0 ? (
                <Flex gap={4} wrap>
                  {unit.aliases.map((alias) => (
                    <Tag key={alias} style={{ marginInlineEnd: 0 }}>
                      {alias}
                    </Tag>
                  ))}
                </Flex>
              ) : (
                none
              ),
          },
          { key: 'parent', label: t('units.details.parent'), children: parent },
          {
            key: 'children',
            label: t('units.details.children'),
            children: t('units.details.childrenCount', { count: childCount }),
          },
          { key: 'sortOrder', label: t('units.details.sortOrder'), children: unit.sortOrder },
          {
            key: 'status',
            label: t('units.details.status'),
            children: unit.archived ? (
              <Badge status="default" text={t('units.details.archived')} />
            ) : (
              <Badge status="success" text={t('units.details.active')} />
            ),
          },
          {
            key: 'updatedAt',
            label: t('units.details.updatedAt'),
            children: formatDateTime(unit.updatedAt, currentLocale()),
          },
        ]}
      />
    </Flex>
  );
}
