import { Descriptions, Drawer, Flex, Grid, Table, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/audit.api.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { AuditAction } from './audit-action.js';
import { actorLabel, objectLabel, valueText } from './audit-labels.js';

interface ChangeRow {
  field: string;
  before: unknown;
  after: unknown;
}

function changeRows(entry: AuditEntry): ChangeRow[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields.map((field) => ({ field, before: before[field], after: after[field] }));
}

/** Long values (JSON, hashes) wrap anywhere instead of widening the drawer. */
const wrap = { overflowWrap: 'anywhere', wordBreak: 'break-word' } as const;

function Hash({ value }: { value: string }) {
  return (
    <Typography.Text code copyable style={{ ...wrap, fontSize: 12 }}>
      {value}
    </Typography.Text>
  );
}

function ChangesTable({ entry, t }: { entry: AuditEntry; t: TFunction }) {
  const rows = changeRows(entry);
  const cell = (value: unknown) => <span style={wrap}>{valueText(t, value)}</span>;
  return (
    <Table<ChangeRow>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      columns={[
        {
          title: t('audit.changes.field'),
          dataIndex: 'field',
          width: '28%',
          render: (field: string) => <code>{field}</code>,
        },
        { title: t('audit.changes.before'), dataIndex: 'before', render: cell },
        { title: t('audit.changes.after'), dataIndex: 'after', render: cell },
      ]}
    />
  );
}

/** One audit entry in full: who, when, from where, what changed, and its place in the hash chain. */
export function AuditEntryDrawer({ entry, onClose }: { entry: AuditEntry | null; onClose: () => void }) {
  const { t } = useTranslation();
  const isMobile = Grid.useBreakpoint().md === false;
  const locale = currentLocale();
  const detail = entry ? Object.entries(entry.detail) : [];
  const hasChanges = Boolean(entry && (entry.before || entry.after));
  return (
    <Drawer
      open={entry !== null}
      onClose={onClose}
      size={isMobile ? '100%' : 640}
      title={entry ? t('audit.drawerTitle', { seq: entry.seq }) : ''}
      destroyOnHidden
    >
      {entry && (
        <Flex vertical gap={20}>
          <Descriptions
            bordered
            size="small"
            column={1}
            styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
            items={[
              { key: 'at', label: t('audit.fields.at'), children: formatDateTime(entry.at, locale) },
              { key: 'actor', label: t('audit.fields.actor'), children: actorLabel(t, entry) },
              { key: 'action', label: t('audit.fields.action'), children: <AuditAction action={entry.action} /> },
              { key: 'object', label: t('audit.fields.object'), children: objectLabel(t, entry) },
              { key: 'ip', label: t('audit.fields.ip'), children: entry.ip ?? t('common.none') },
              {
                key: 'requestId',
                label: t('audit.fields.requestId'),
                children: entry.requestId ? (
                  <Typography.Text copyable style={wrap}>
                    {entry.requestId}
                  </Typography.Text>
                ) : (
                  t('common.none')
                ),
              },
            ]}
          />
          {hasChanges && (
            <section>
              <Typography.Title level={5}>{t('audit.fields.changes')}</Typography.Title>
              <ChangesTable entry={entry} t={t} />
            </section>
          )}
          <section>
            <Typography.Title level={5}>{t('audit.fields.detail')}</Typography.Title>
            {detail.length === 0 ? (
              <Typography.Text type="secondary">{t('audit.noDetail')}</Typography.Text>
            ) : (
              <Descriptions
                bordered
                size="small"
                column={1}
                styles={{ label: { width: 120 } }}
                items={detail.map(([key, value]) => ({
                  key,
                  label: <code style={wrap}>{key}</code>,
                  children: <span style={wrap}>{valueText(t, value)}</span>,
                }))}
              />
            )}
          </section>
          <Descriptions
            size="small"
            column={1}
            styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
            items={[
              { key: 'seq', label: t('audit.fields.seq'), children: `#${entry.seq}` },
              { key: 'hash', label: t('audit.fields.hash'), children: <Hash value={entry.hash} /> },
              { key: 'prevHash', label: t('audit.fields.prevHash'), children: <Hash value={entry.prevHash} /> },
            ]}
          />
        </Flex>
      )}
    </Drawer>
  );
}
