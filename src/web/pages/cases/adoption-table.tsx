import { Button, Card, Flex, Grid, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Adoption } from '../../../shared/cases-api.js';
import type { CaseView } from '../../api/cases.api.js';
import { currentLocale } from '../../i18n/index.js';
import { formatShortDateTime } from '../../lib/format.js';
import { AdoptModal } from './adopt-modal.js';
import { AdoptionStatusTag } from './case-tags.js';

/** The adoption of a practice, unit by unit: a table on wide screens, a list of rows on phones. */
export function AdoptionTable({ item }: { item: CaseView }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const isMobile = Grid.useBreakpoint().md === false;
  const [answering, setAnswering] = useState<Adoption | null>(null);
  const c = item.adoptionCounts;
  const answerButton = (row: Adoption) =>
    row.canAnswer ? (
      <Button size="small" onClick={() => setAnswering(row)}>
        {t('cases.adoptions.answer')}
      </Button>
    ) : null;

  return (
    <Card title={t('cases.adoptions.title')} size="small">
      {item.adoptions.length === 0 ? (
        <Typography.Text type="secondary">{t('cases.adoptions.none')}</Typography.Text>
      ) : (
        <Flex vertical gap={12}>
          <Typography.Text>
            {t('cases.adoptions.summary', {
              total: c.total,
              adopted: c.adopted,
              planned: c.planned,
              notApplicable: c.notApplicable,
              pending: c.pending,
            })}
          </Typography.Text>
          {isMobile ? (
            <Flex vertical gap={8} role="list" aria-label={t('cases.adoptions.title')}>
              {item.adoptions.map((row) => (
                <Flex
                  key={row.unit.id}
                  vertical
                  gap={4}
                  role="listitem"
                  style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}
                >
                  <Flex justify="space-between" gap={8} align="center">
                    <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
                      {row.unit.name}
                    </Typography.Text>
                    <AdoptionStatusTag status={row.status} />
                  </Flex>
                  {row.note && <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{row.note}</Typography.Text>}
                  {row.canAnswer && <div>{answerButton(row)}</div>}
                </Flex>
              ))}
            </Flex>
          ) : (
            <Table<Adoption>
              size="small"
              rowKey={(row) => row.unit.id}
              dataSource={item.adoptions}
              pagination={item.adoptions.length > 20 ? { pageSize: 20 } : false}
              columns={[
                { title: t('cases.adoptions.unit'), dataIndex: ['unit', 'name'] },
                {
                  title: t('cases.adoptions.status'),
                  dataIndex: 'status',
                  render: (_value, row) => <AdoptionStatusTag status={row.status} />,
                },
                {
                  title: t('cases.adoptions.note'),
                  dataIndex: 'note',
                  render: (note: string | null) => <span style={{ whiteSpace: 'pre-wrap' }}>{note ?? '—'}</span>,
                },
                {
                  title: t('cases.adoptions.updatedAt'),
                  dataIndex: 'updatedAt',
                  render: (_value, row) =>
                    row.status === 'pending' ? '—' : formatShortDateTime(row.updatedAt, locale),
                },
                { title: t('common.actions'), key: 'actions', render: (_value, row) => answerButton(row) },
              ]}
            />
          )}
        </Flex>
      )}
      {answering && <AdoptModal item={item} adoption={answering} onClose={() => setAnswering(null)} />}
    </Card>
  );
}
