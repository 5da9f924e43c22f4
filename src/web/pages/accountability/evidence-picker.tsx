import { Checkbox, Empty, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvidenceRefType } from '../../../shared/accountability-api.js';
import { useEvidenceCandidates } from '../../api/accountability.api.js';
import { currentLocale } from '../../i18n/index.js';
import { formatShortDateTime } from '../../lib/format.js';
import { evidenceLabel } from './accountability-view.js';

/** A chosen piece of evidence, as `type:id` (what the picker holds). */
export type EvidenceKey = `${EvidenceRefType}:${number}`;

export function parseEvidenceKey(key: EvidenceKey): { refType: EvidenceRefType; refId: number } {
  const [refType, refId] = key.split(':');
  return { refType: refType as EvidenceRefType, refId: Number(refId) };
}

/** The candidates of one task as checkboxes: events, notices, reports, supervision actions, files. */
function TaskCandidates(props: {
  task: { id: number; label: string };
  value: readonly EvidenceKey[];
  onChange: (keys: EvidenceKey[]) => void;
  disabled?: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const candidates = useEvidenceCandidates(props.task.id);
  const mine = (candidates.data ?? []).map((c) => `${c.refType}:${c.refId}` as EvidenceKey);
  const handleChange = (checked: EvidenceKey[]) =>
    props.onChange([...props.value.filter((key) => !mine.includes(key)), ...checked]);
  return (
    <Flex vertical gap={4} style={{ minWidth: 0 }}>
      <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
        {props.task.label}
      </Typography.Text>
      {candidates.isPending && <Skeleton active paragraph={{ rows: 2 }} title={false} />}
      {candidates.data?.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('accountability.create.noCandidates')} />
      )}
      {candidates.data && candidates.data.length > 0 && (
        <div style={{ maxHeight: 220, overflowY: 'auto', paddingInlineStart: 4 }}>
          <Checkbox.Group
            value={props.value.filter((key) => mine.includes(key))}
            onChange={(checked) => handleChange(checked as EvidenceKey[])}
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            options={candidates.data.map((c) => {
              const key = `${c.refType}:${c.refId}`;
              return {
                value: key,
                disabled: props.disabled?.has(key),
                label: (
                  <span style={{ overflowWrap: 'anywhere' }}>
                    {evidenceLabel(c, t)}
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                      {formatShortDateTime(c.at, locale, '')}
                    </Typography.Text>
                  </span>
                ),
              };
            })}
          />
        </div>
      )}
    </Flex>
  );
}

/** Evidence from the linked tasks' timelines, notices, reports, actions and files. */
export function EvidencePicker(props: {
  tasks: ReadonlyArray<{ id: number; label: string }>;
  value?: EvidenceKey[];
  onChange?: (keys: EvidenceKey[]) => void;
  /** Already attached (shown checked-off as unavailable). */
  disabled?: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  if (props.tasks.length === 0)
    return <Typography.Text type="secondary">{t('accountability.create.noTasks')}</Typography.Text>;
  return (
    <Flex vertical gap={12}>
      {props.tasks.map((task) => (
        <TaskCandidates
          key={task.id}
          task={task}
          value={props.value ?? []}
          onChange={(keys) => props.onChange?.(keys)}
          {...(props.disabled ? { disabled: props.disabled } : {})}
        />
      ))}
    </Flex>
  );
}
