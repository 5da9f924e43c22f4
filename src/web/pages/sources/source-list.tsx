import { Card, Flex, Skeleton, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Source } from '../../../shared/task-api.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDay } from '../tasks/task-view-model.js';

interface SourceListProps {
  sources: Source[];
  isLoading: boolean;
  isMobile: boolean;
  empty: ReactNode;
}

/** The title, linking to the source's details (`?id=`, so the drawer survives a reload). */
function SourceTitleLink({ source }: { source: Source }) {
  return (
    <Link to={{ search: `?id=${source.id}` }} style={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
      {source.title}
    </Link>
  );
}

/** Sources as a table on wide screens and as cards on phones; the title opens the details. */
export function SourceList({ sources, isLoading, isMobile, empty }: SourceListProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const none = t('common.none');

  if (isMobile) {
    if (isLoading && sources.length === 0) return <Skeleton active paragraph={{ rows: 6 }} />;
    if (sources.length === 0) return <>{empty}</>;
    return (
      <Flex vertical gap={12} role="list">
        {sources.map((source) => (
          <Card key={source.id} size="small" role="listitem">
            <Flex vertical gap={6}>
              <SourceTitleLink source={source} />
              <Flex gap={8} wrap align="center">
                <Tag style={{ marginInlineEnd: 0 }}>{t(`sources.kinds.${source.kind}`)}</Tag>
                {source.docNumber && <Typography.Text>{source.docNumber}</Typography.Text>}
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {[source.issuer, formatDay(source.issuedOn, locale, '')].filter(Boolean).join(' · ') || none}
                {' · '}
                {t('sources.taskCount', { count: source.taskCount })}
              </Typography.Text>
            </Flex>
          </Card>
        ))}
      </Flex>
    );
  }

  const columns: TableColumnsType<Source> = [
    {
      title: t('sources.fields.docNumber'),
      dataIndex: 'docNumber',
      width: 190,
      render: (value: string | null) => value || <Typography.Text type="secondary">{none}</Typography.Text>,
    },
    {
      title: t('sources.fields.title'),
      dataIndex: 'title',
      render: (_title: string, source) => <SourceTitleLink source={source} />,
    },
    {
      title: t('sources.fields.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (_value, source) => <Tag>{t(`sources.kinds.${source.kind}`)}</Tag>,
    },
    {
      title: t('sources.fields.issuer'),
      dataIndex: 'issuer',
      width: 170,
      ellipsis: true,
      render: (value: string | null) => value || none,
    },
    {
      title: t('sources.fields.issuedOn'),
      dataIndex: 'issuedOn',
      width: 130,
      render: (value: string | null) => formatDay(value, locale),
    },
    { title: t('sources.fields.taskCount'), dataIndex: 'taskCount', width: 90, align: 'end' },
  ];
  return (
    <Table<Source>
      rowKey="id"
      columns={columns}
      dataSource={sources}
      loading={isLoading}
      pagination={false}
      scroll={{ x: 860 }}
      locale={{ emptyText: empty }}
    />
  );
}
