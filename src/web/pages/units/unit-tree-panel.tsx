import { SearchOutlined } from '@ant-design/icons';
import { Empty, Flex, Input, Skeleton, Switch, Tag, Tree, type TreeDataNode, type TreeProps, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../api/types.js';
import { buildUnitTree, filterUnitTree, type UnitNode } from '../../lib/unit-tree.js';

interface UnitTreePanelProps {
  units: readonly Unit[] | undefined;
  isLoading: boolean;
  selectedId: number | null;
  onSelect: (id: number | null) => void;
  showArchived: boolean;
  onShowArchivedChange: (value: boolean) => void;
  /** A unit was dropped onto another (parentId) or into the top level (null). */
  onDropMove: (unit: Unit, parentId: number | null) => void;
}

function UnitTitle({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  return (
    <span className="unit-tree-title">
      <Typography.Text delete={unit.archived} type={unit.archived ? 'secondary' : undefined}>
        {unit.name}
      </Typography.Text>
      {unit.shortName && unit.shortName !== unit.name && (
        <Typography.Text type="secondary">
          {t('units.shortNameInParens', { shortName: unit.shortName })}
        </Typography.Text>
      )}
      {unit.archived && (
        <Tag style={{ marginInlineStart: 6 }} variant="filled">
          {t('units.archivedTag')}
        </Tag>
      )}
    </span>
  );
}

function toTreeData(nodes: readonly UnitNode[]): TreeDataNode[] {
  return nodes.map(({ unit, children }) => ({
    key: unit.id,
    title: <UnitTitle unit={unit} />,
    children: children.length > 0 ? toTreeData(children) : undefined,
  }));
}

/** Top-level units and their children open at first, so a big organisation does not unfold all at once. */
function defaultExpanded(roots: readonly UnitNode[]): number[] {
  return roots.flatMap((root) => [root.unit.id, ...root.children.map((child) => child.unit.id)]);
}

/** The ids above `id`, so a newly created or selected unit can be revealed. */
function ancestorIds(byId: ReadonlyMap<number, Unit>, id: number): number[] {
  const ids: number[] = [];
  let parentId = byId.get(id)?.parentId ?? null;
  while (parentId !== null && !ids.includes(parentId)) {
    ids.push(parentId);
    parentId = byId.get(parentId)?.parentId ?? null;
  }
  return ids;
}

/** The organisation tree: search, archived toggle, select, drag to re-parent. */
export function UnitTreePanel(props: UnitTreePanelProps) {
  const { t } = useTranslation();
  const { units } = props;
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<number[] | null>(null);
  const byId = useMemo(() => new Map((units ?? []).map((unit) => [unit.id, unit])), [units]);
  const roots = useMemo(() => buildUnitTree(units ?? []), [units]);
  const filtered = useMemo(() => (query.trim() ? filterUnitTree(roots, query) : null), [roots, query]);
  const treeData = useMemo(() => toTreeData(filtered ? filtered.roots : roots), [filtered, roots]);
  const expandedKeys = filtered ? filtered.expandIds : (expanded ?? defaultExpanded(roots));
  const { selectedId } = props;

  // Reveal the selected unit (e.g. a sub-unit just added under a collapsed parent).
  useEffect(() => {
    if (selectedId === null) return;
    const hidden = ancestorIds(byId, selectedId);
    if (hidden.length === 0) return;
    setExpanded((current) => {
      const base = current ?? defaultExpanded(roots);
      const missing = hidden.filter((id) => !base.includes(id));
      return missing.length > 0 ? [...base, ...missing] : current;
    });
  }, [selectedId, byId, roots]);

  const handleDrop: TreeProps['onDrop'] = (info) => {
    const unit = byId.get(Number(info.dragNode.key));
    const target = byId.get(Number(info.node.key));
    if (!unit || !target) return;
    // Dropped onto a node: it becomes the parent. Dropped between nodes: a sibling of the target.
    props.onDropMove(unit, info.dropToGap ? target.parentId : target.id);
  };

  const body = (() => {
    if (props.isLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
    if (roots.length === 0) return <Empty description={t('units.emptyTitle')}>{t('units.emptyDescription')}</Empty>;
    if (treeData.length === 0) return <Empty description={t('units.noMatch', { query: query.trim() })} />;
    return (
      <Tree
        blockNode
        showLine
        draggable={{ icon: false }}
        treeData={treeData}
        selectedKeys={selectedId === null ? [] : [selectedId]}
        expandedKeys={expandedKeys}
        onExpand={(keys) => setExpanded(keys.map(Number))}
        onSelect={(keys) => props.onSelect(keys.length > 0 ? Number(keys[0]) : null)}
        onDrop={handleDrop}
      />
    );
  })();

  return (
    <Flex vertical gap={12}>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('units.searchPlaceholder')}
        aria-label={t('units.searchPlaceholder')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={8}>
          <Switch
            id="units-show-archived"
            size="small"
            checked={props.showArchived}
            onChange={props.onShowArchivedChange}
          />
          <label htmlFor="units-show-archived">{t('units.showArchived')}</label>
        </Flex>
        <Typography.Text type="secondary" className="drag-hint" style={{ fontSize: 12 }}>
          {t('units.dragHint')}
        </Typography.Text>
      </Flex>
      <div className="unit-tree">{body}</div>
    </Flex>
  );
}
