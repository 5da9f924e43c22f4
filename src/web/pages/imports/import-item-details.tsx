import { ScissorOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, DatePicker, Flex, Input, Row, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UnitTreeSelect } from '../../components/unit-tree-select.js';
import { TaskUserSelect } from '../tasks/task-user-select.js';
import { splitItem, updateItem } from './import-tree-edits.js';
import { type DraftItem, type UnitMapping, unitsOf } from './import-tree-model.js';

export type ImportTreeEdit = (edit: (tree: DraftItem[]) => DraftItem[]) => void;

/** A labelled field whose label stays visible on a phone (the control carries the item's name for screen readers). */
function Field({ label, children, hint }: { label: string; children: React.ReactNode; hint?: string | null }) {
  return (
    <Flex vertical gap={4}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      {children}
      {hint && <Typography.Text type="secondary">{hint}</Typography.Text>}
    </Flex>
  );
}

/**
 * The details of one item under review: units (a unit tree picker; choosing here overrides the
 * names as written), responsible leader, deadline (the phrase as written beside the date), key
 * flag, and the item's text with a split at the cursor.
 */
export function ImportItemDetails({
  item,
  mapping,
  onEdit,
}: {
  item: DraftItem;
  mapping: UnitMapping;
  onEdit: ImportTreeEdit;
}) {
  const { t } = useTranslation();
  const cursor = useRef(item.body.length);
  const [splitTitle, setSplitTitle] = useState('');
  const units = unitsOf(item, mapping);
  const title = item.title;
  const update = (patch: Partial<DraftItem>) => onEdit((tree) => updateItem(tree, item.id, patch));
  const written = (names: readonly string[]) =>
    names.length > 0 ? t('imports.item.written', { text: names.join('、') }) : null;

  const handleSplit = () => {
    onEdit((tree) => splitItem(tree, item.id, cursor.current, splitTitle));
    setSplitTitle('');
  };

  return (
    <Row gutter={[12, 12]} style={{ padding: '8px 0 4px' }}>
      <Col xs={24} md={12}>
        <Field label={t('imports.item.lead')} hint={written(item.leadNames)}>
          <UnitTreeSelect
            value={units.leadUnitId}
            onChange={(leadUnitId) => update({ units: { ...units, leadUnitId } })}
            aria-label={t('imports.item.leadOf', { title })}
          />
        </Field>
      </Col>
      <Col xs={24} md={12}>
        <Field label={t('imports.item.cooperating')} hint={written(item.cooperatingNames)}>
          <UnitTreeSelect
            multiple
            value={units.cooperatingUnitIds}
            onChange={(cooperatingUnitIds) => update({ units: { ...units, cooperatingUnitIds } })}
            aria-label={t('imports.item.cooperatingOf', { title })}
          />
        </Field>
        {item.units && (
          <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => update({ units: null })}>
            {t('imports.item.unitsFromNames')}
          </Button>
        )}
      </Col>
      <Col xs={24} md={12}>
        <Field
          label={t('imports.item.deadline')}
          hint={item.deadlinePhrase ? t('imports.item.written', { text: item.deadlinePhrase }) : null}
        >
          <Flex gap={8} align="center" wrap>
            <DatePicker
              value={item.deadline ? dayjs(item.deadline) : null}
              onChange={(date) => update({ deadline: date ? date.format('YYYY-MM-DD') : null, ongoing: false })}
              placeholder={item.ongoing ? t('imports.item.ongoing') : t('imports.item.inherits')}
              aria-label={t('imports.item.deadlineOf', { title })}
              style={{ flex: '1 1 160px' }}
            />
            <Checkbox
              checked={item.ongoing}
              onChange={(e) => update({ ongoing: e.target.checked, ...(e.target.checked ? { deadline: null } : {}) })}
            >
              {t('imports.item.ongoing')}
            </Checkbox>
          </Flex>
        </Field>
      </Col>
      <Col xs={24} md={12}>
        <Field label={t('imports.item.leader')} hint={written(item.leaderNames)}>
          <TaskUserSelect
            userRole="leader"
            value={item.responsibleLeaderId}
            onChange={(responsibleLeaderId) => update({ responsibleLeaderId })}
            aria-label={t('imports.item.leaderOf', { title })}
          />
        </Field>
      </Col>
      <Col xs={24}>
        <Flex gap={8} align="center">
          <Switch
            checked={item.isKey}
            onChange={(isKey) => update({ isKey })}
            aria-label={t('imports.item.isKeyOf', { title })}
          />
          <Typography.Text>{t('imports.item.isKey')}</Typography.Text>
        </Flex>
      </Col>
      <Col xs={24}>
        <Field label={t('imports.item.body')}>
          <Input.TextArea
            value={item.body}
            autoSize={{ minRows: 2, maxRows: 8 }}
            aria-label={t('imports.item.bodyOf', { title })}
            onChange={(e) => update({ body: e.target.value })}
            onSelect={(e) => {
              cursor.current = e.currentTarget.selectionStart;
            }}
          />
        </Field>
        <Flex gap={8} wrap style={{ marginTop: 8 }}>
          <Input
            value={splitTitle}
            onChange={(e) => setSplitTitle(e.target.value)}
            placeholder={t('imports.item.splitTitle')}
            aria-label={t('imports.item.splitTitle')}
            style={{ flex: '1 1 200px' }}
          />
          <Button icon={<ScissorOutlined />} onClick={handleSplit} title={t('imports.item.splitHint')}>
            {t('imports.item.split')}
          </Button>
        </Flex>
      </Col>
    </Row>
  );
}
