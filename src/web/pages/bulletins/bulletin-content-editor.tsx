import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulletinLine } from '../../../shared/bulletins-api.js';
import type { BulletinContent } from '../../api/bulletins.api.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDay } from '../tasks/task-view-model.js';
import { LinesEditor, NoteEditor, RowsEditor } from './bulletin-line-editors.js';

type TextSection = 'figures' | 'commendations' | 'criticisms' | 'requirements';

/** One section's card: its name, then what can be edited in it. */
function SectionCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card size="small" title={title}>
      <Flex vertical gap={10}>
        {children}
      </Flex>
    </Card>
  );
}

/** The draft's six sections, each editable: text lines, generated rows (order, removal) and a note. */
export function BulletinContentEditor({
  content,
  onChange,
}: {
  content: BulletinContent;
  onChange: (next: BulletinContent) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const label = (key: keyof BulletinContent) => t(`bulletins.sections.${key}`);
  const textSection = (key: TextSection) => (
    <SectionCard key={key} title={label(key)}>
      <LinesEditor
        label={label(key)}
        lines={content[key].lines}
        onChange={(lines: BulletinLine[]) => onChange({ ...content, [key]: { ...content[key], lines } })}
      />
      <NoteEditor
        label={label(key)}
        value={content[key].note}
        onChange={(note) => onChange({ ...content, [key]: { ...content[key], note } })}
      />
    </SectionCard>
  );
  return (
    <Flex vertical gap={12}>
      {textSection('figures')}
      <SectionCard title={label('ranking')}>
        <RowsEditor
          rows={content.ranking.rows}
          keyOf={(row) => row.unitId}
          onChange={(rows) => onChange({ ...content, ranking: { ...content.ranking, rows } })}
          render={(row) => (
            <Flex justify="space-between" gap={8}>
              <Typography.Text>{`${row.rank}. ${row.unitName}`}</Typography.Text>
              <Typography.Text type="secondary">{row.score.toFixed(2)}</Typography.Text>
            </Flex>
          )}
        />
        <NoteEditor
          label={label('ranking')}
          value={content.ranking.note}
          onChange={(note) => onChange({ ...content, ranking: { ...content.ranking, note } })}
        />
      </SectionCard>
      {textSection('commendations')}
      {textSection('criticisms')}
      <SectionCard title={label('overdue')}>
        <RowsEditor
          rows={content.overdue.rows}
          keyOf={(row) => row.taskId}
          onChange={(rows) => onChange({ ...content, overdue: { ...content.overdue, rows } })}
          render={(row) => (
            <Flex vertical>
              <Typography.Text>{`${row.taskNumber} ${row.title}`}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {`${row.unitName ?? '—'} · ${formatDay(row.deadline, locale)} · ${t('bulletins.daysOverdue', {
                  days: row.workingDaysOverdue,
                })}`}
              </Typography.Text>
            </Flex>
          )}
        />
        <NoteEditor
          label={label('overdue')}
          value={content.overdue.note}
          onChange={(note) => onChange({ ...content, overdue: { ...content.overdue, note } })}
        />
      </SectionCard>
      {textSection('requirements')}
    </Flex>
  );
}
