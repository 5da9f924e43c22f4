import { Alert, Flex, Modal, Radio, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/http.js';
import type { Unit } from '../../api/types.js';
import { useUnitMutations } from '../../api/units.queries.js';
import { UnitTreeSelect } from '../../components/unit-tree-select.js';
import { errorMessage } from '../../lib/error-message.js';
import { descendantIds, unitPath } from '../../lib/unit-tree.js';

interface MoveUnitModalProps {
  unit: Unit;
  units: readonly Unit[];
  onClose: () => void;
  onMoved: (unit: Unit) => void;
}

/** "Move to…": choose a new parent from a tree picker; works on phones where dragging does not. */
export function MoveUnitModal({ unit, units, onClose, onMoved }: MoveUnitModalProps) {
  const { t } = useTranslation();
  const { move } = useUnitMutations();
  const [isTopLevel, setIsTopLevel] = useState(false);
  const [parentId, setParentId] = useState<number | null>(unit.parentId);
  const [error, setError] = useState<string | null>(null);
  const unitsById = useMemo(() => new Map(units.map((item) => [item.id, item])), [units]);
  // The unit itself and everything below it cannot be its new parent; archived units are not offered.
  const disabledIds = useMemo(() => new Set([unit.id, ...descendantIds(units, unit.id)]), [units, unit.id]);
  const pickable = useMemo(() => units.filter((item) => !item.archived), [units]);
  const target = isTopLevel ? null : parentId;
  const isUnchanged = target === unit.parentId;

  const handleOk = () => {
    setError(null);
    move.mutate(
      { unit, parentId: target },
      {
        onSuccess: onMoved,
        onError: (cause) =>
          setError(isApiError(cause, 'version_conflict') ? t('units.conflict') : errorMessage(cause, t)),
      },
    );
  };

  const current = unit.parentId === null ? t('units.details.topLevel') : unitPath(unitsById, unit.parentId);
  return (
    <Modal
      open
      title={t('units.move.title', { name: unit.name })}
      onCancel={onClose}
      onOk={handleOk}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: isUnchanged || (!isTopLevel && parentId === null) }}
      confirmLoading={move.isPending}
      destroyOnHidden
    >
      <Flex vertical gap={16}>
        {error && <Alert type="error" showIcon title={error} />}
        <Typography.Text type="secondary">{t('units.move.current', { parent: current })}</Typography.Text>
        <Radio.Group
          value={isTopLevel ? 'top' : 'under'}
          onChange={(event) => setIsTopLevel(event.target.value === 'top')}
          options={[
            { value: 'under', label: t('units.move.underUnit') },
            { value: 'top', label: t('units.move.topLevel') },
          ]}
        />
        {!isTopLevel && (
          <UnitTreeSelect
            units={pickable}
            disabledIds={disabledIds}
            value={parentId}
            onChange={setParentId}
            placeholder={t('units.move.targetPlaceholder')}
            aria-label={t('units.move.target')}
          />
        )}
      </Flex>
    </Modal>
  );
}
