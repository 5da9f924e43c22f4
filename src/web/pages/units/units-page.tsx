import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Grid, Row } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/http.js';
import type { Unit } from '../../api/types.js';
import { useUnitMutations, useUnits } from '../../api/units.queries.js';
import { LoadError } from '../../components/load-error.js';
import { PageHeader } from '../../components/page-header.js';
import { errorMessage } from '../../lib/error-message.js';
import { MoveUnitModal } from './move-unit-modal.js';
import { UnitDetails } from './unit-details.js';
import { UnitFormModal, type UnitFormMode } from './unit-form-modal.js';
import { UnitTreePanel } from './unit-tree-panel.js';

type Dialog = { kind: 'form'; mode: UnitFormMode } | { kind: 'move' } | null;

/** Units admin: the tree on the left, the selected unit's details and actions on the right. */
export function UnitsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const isMobile = Grid.useBreakpoint().lg === false;
  const [showArchived, setShowArchived] = useState(false);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const detailsRef = useRef<HTMLDivElement>(null);
  const units = useUnits(showArchived);
  const { move, archive, restore } = useUnitMutations();
  const list = units.data ?? [];
  const unitsById = useMemo(() => new Map(list.map((unit) => [unit.id, unit])), [list]);
  const selected = selectedId === null ? undefined : unitsById.get(selectedId);
  const childCount = selected ? list.filter((unit) => unit.parentId === selected.id).length : 0;

  const showWriteError = (error: unknown) => {
    if (isApiError(error, 'version_conflict')) void message.warning(t('units.conflict'));
    else void message.error(errorMessage(error, t));
  };

  const handleSelect = (id: number | null) => {
    setSelectedId(id);
    if (id !== null && isMobile) detailsRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  const handleSaved = (unit: Unit) => {
    const isNew = dialog?.kind === 'form' && dialog.mode.kind === 'create';
    void message.success(isNew ? t('units.created', { name: unit.name }) : t('units.saved'));
    setDialog(null);
    setSelectedId(unit.id);
  };

  const handleDropMove = (unit: Unit, parentId: number | null) => {
    if (parentId === unit.parentId) {
      void message.info(t('units.move.reorderHint'));
      return;
    }
    const target = parentId === null ? undefined : unitsById.get(parentId);
    modal.confirm({
      title: t('units.move.dragTitle'),
      content: target
        ? t('units.move.dragContent', { name: unit.name, target: target.name })
        : t('units.move.dragToTopContent', { name: unit.name }),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () =>
        move.mutateAsync({ unit, parentId }).then((moved) => {
          void message.success(t('units.moved', { name: moved.name }));
          setSelectedId(moved.id);
        }, showWriteError),
    });
  };

  const handleArchive = (unit: Unit) => {
    modal.confirm({
      title: t('units.archiveConfirm', { name: unit.name }),
      content: t('units.archiveDescription'),
      okText: t('units.archive'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        archive.mutateAsync(unit).then((archived) => {
          void message.success(t('units.archivedMessage', { name: archived.name }));
          if (!showArchived) setSelectedId(null);
        }, showWriteError),
    });
  };

  const handleRestore = (unit: Unit) => {
    modal.confirm({
      title: t('units.restoreConfirm', { name: unit.name }),
      okText: t('units.restore'),
      cancelText: t('common.cancel'),
      onOk: () =>
        restore
          .mutateAsync(unit)
          .then(
            (restored) => void message.success(t('units.restoredMessage', { name: restored.name })),
            showWriteError,
          ),
    });
  };

  const details = (() => {
    if (selectedId === null) return <Empty description={t('units.selectHint')} />;
    if (!selected) return <Empty description={t('units.notFoundHint')} />;
    return (
      <UnitDetails
        unit={selected}
        unitsById={unitsById}
        childCount={childCount}
        isBusy={archive.isPending || restore.isPending}
        onEdit={() => setDialog({ kind: 'form', mode: { kind: 'edit', unit: selected } })}
        onAddChild={() => setDialog({ kind: 'form', mode: { kind: 'create', parent: selected } })}
        onMove={() => setDialog({ kind: 'move' })}
        onArchive={() => handleArchive(selected)}
        onRestore={() => handleRestore(selected)}
      />
    );
  })();

  // Edits follow the latest version of the unit, so a conflict reload reaches the open form.
  const formMode: UnitFormMode | null =
    dialog?.kind !== 'form'
      ? null
      : dialog.mode.kind === 'edit' && selected
        ? { kind: 'edit', unit: selected }
        : dialog.mode;

  return (
    <>
      <PageHeader
        title={t('units.title')}
        subtitle={t('units.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'form', mode: { kind: 'create', parent: null } })}
          >
            {t('units.addTopLevel')}
          </Button>
        }
      />
      {units.isError ? (
        <Card>
          <LoadError error={units.error} onRetry={() => void units.refetch()} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={10}>
            <Card title={t('units.treeTitle')}>
              <UnitTreePanel
                units={units.data}
                isLoading={units.isPending}
                selectedId={selectedId}
                onSelect={handleSelect}
                showArchived={showArchived}
                onShowArchivedChange={setShowArchived}
                onDropMove={handleDropMove}
              />
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <div ref={detailsRef} style={{ scrollMarginTop: 72 }}>
              <Card>{details}</Card>
            </div>
          </Col>
        </Row>
      )}
      {formMode && <UnitFormModal mode={formMode} onClose={() => setDialog(null)} onSaved={handleSaved} />}
      {dialog?.kind === 'move' && selected && (
        <MoveUnitModal
          unit={selected}
          units={list}
          onClose={() => setDialog(null)}
          onMoved={(moved) => {
            void message.success(t('units.moved', { name: moved.name }));
            setDialog(null);
          }}
        />
      )}
    </>
  );
}
