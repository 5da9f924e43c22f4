import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BULLETIN_LIMITS, type BulletinLine } from '../../../shared/bulletins-api.js';

// The pieces of the bulletin editor: a list of editable lines (add, change, reorder, remove), a list
// of generated table rows (reorder, remove — their figures come from the data), and the free note.

/** `items` with the element at `from` moved by `by` places (clamped). */
export function moved<T>(items: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** Up, down and remove for the item at `index` of `count`. */
function RowTools({
  index,
  count,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap={2} style={{ flex: 'none' }}>
      <Button
        size="small"
        type="text"
        icon={<ArrowUpOutlined />}
        aria-label={t('bulletins.moveUp')}
        disabled={index === 0}
        onClick={() => onMove(-1)}
      />
      <Button
        size="small"
        type="text"
        icon={<ArrowDownOutlined />}
        aria-label={t('bulletins.moveDown')}
        disabled={index === count - 1}
        onClick={() => onMove(1)}
      />
      <Button
        size="small"
        type="text"
        danger
        icon={<DeleteOutlined />}
        aria-label={t('bulletins.remove')}
        onClick={onRemove}
      />
    </Flex>
  );
}

/** Editable text lines. */
export function LinesEditor({
  lines,
  onChange,
  label,
}: {
  lines: readonly BulletinLine[];
  onChange: (next: BulletinLine[]) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const set = (index: number, text: string) =>
    onChange(lines.map((line, i) => (i === index ? { ...line, text } : line)));
  return (
    <Flex vertical gap={8}>
      {lines.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id; their place is their identity
        <Flex key={index} gap={6} align="flex-start">
          <Input.TextArea
            value={line.text}
            autoSize={{ minRows: 1, maxRows: 8 }}
            maxLength={BULLETIN_LIMITS.lineMax}
            placeholder={t('bulletins.linePlaceholder')}
            aria-label={`${label} ${index + 1}`}
            status={line.text.trim() ? undefined : 'error'}
            onChange={(event) => set(index, event.target.value)}
          />
          <RowTools
            index={index}
            count={lines.length}
            onMove={(by) => onChange(moved(lines, index, by))}
            onRemove={() => onChange(lines.filter((_, i) => i !== index))}
          />
        </Flex>
      ))}
      <div>
        <Button
          size="small"
          icon={<PlusOutlined />}
          disabled={lines.length >= BULLETIN_LIMITS.linesMax}
          onClick={() => onChange([...lines, { text: '', unitId: null, taskId: null }])}
        >
          {t('bulletins.addLine')}
        </Button>
      </div>
    </Flex>
  );
}

/** Generated rows shown as text, reorderable and removable. */
export function RowsEditor<T>({
  rows,
  onChange,
  render,
  keyOf,
}: {
  rows: readonly T[];
  onChange: (next: T[]) => void;
  render: (row: T, index: number) => ReactNode;
  keyOf: (row: T) => string | number;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Typography.Text type="secondary">{t('bulletins.noRows')}</Typography.Text>;
  return (
    <Flex vertical gap={4} role="list">
      {rows.map((row, index) => (
        <Flex key={keyOf(row)} role="listitem" gap={6} align="center" style={{ borderBottom: '1px solid #f0f0f0' }}>
          <div style={{ flex: 1, minWidth: 0 }}>{render(row, index)}</div>
          <RowTools
            index={index}
            count={rows.length}
            onMove={(by) => onChange(moved(rows, index, by))}
            onRemove={() => onChange(rows.filter((_, i) => i !== index))}
          />
        </Flex>
      ))}
    </Flex>
  );
}

/** The free text after a section's lines. */
export function NoteEditor({
  value,
  onChange,
  label,
}: {
  value: string;
  onChange: (next: string) => void;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <Input.TextArea
      value={value}
      autoSize={{ minRows: 1, maxRows: 6 }}
      maxLength={BULLETIN_LIMITS.noteMax}
      placeholder={t('bulletins.note')}
      aria-label={`${label} · ${t('bulletins.note')}`}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
