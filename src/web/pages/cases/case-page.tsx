import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Descriptions, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { CaseView } from '../../api/cases.api.js';
import { useCase } from '../../api/cases.queries.js';
import { isApiError } from '../../api/http.js';
import { LoadError } from '../../components/load-error.js';
import { PageHeader } from '../../components/page-header.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDate } from '../../lib/format.js';
import { AdoptionTable } from './adoption-table.js';
import { CaseActions } from './case-actions.js';
import { AdoptionStatusTag, CaseKindTag, CaseStatusTag, SpreadTag } from './case-tags.js';

/** Kind, status and links to the task, unit and period. */
function CaseFacts({ item }: { item: CaseView }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        {
          key: 'task',
          label: t('cases.fields.task'),
          children: item.task ? (
            <Link to={`/tasks/${item.task.id}`} style={{ overflowWrap: 'anywhere' }}>
              {item.task.number} {item.task.title}
            </Link>
          ) : (
            '—'
          ),
        },
        {
          key: 'unit',
          label: t('cases.fields.unit'),
          children: item.unit ? (
            <Link to={`/cases?kind=${item.kind}&unit=${item.unit.id}`}>{item.unit.name}</Link>
          ) : (
            '—'
          ),
        },
        { key: 'period', label: t('cases.fields.period'), children: item.period?.name ?? '—' },
        { key: 'published', label: t('cases.fields.publishedAt'), children: formatDate(item.publishedAt, locale) },
        { key: 'by', label: t('cases.fields.createdBy'), children: item.createdBy?.displayName ?? '—' },
      ]}
    />
  );
}

function CaseBody({ item }: { item: CaseView }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap align="center">
        <CaseKindTag kind={item.kind} />
        <CaseStatusTag status={item.status} />
        {item.toSpread && <SpreadTag />}
        {item.myAdoption && <AdoptionStatusTag status={item.myAdoption.status} />}
      </Flex>
      <CaseActions item={item} />
      <Card size="small">
        <CaseFacts item={item} />
      </Card>
      <Card size="small" title={t('cases.detail.summary')}>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {item.summary}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={t('cases.detail.writeUp')}>
        <Typography.Paragraph
          style={{
            margin: 0,
            whiteSpace: 'pre-wrap',
            overflowWrap: 'anywhere',
            fontSize: 15,
            lineHeight: 1.9,
            maxWidth: '46em',
          }}
        >
          {item.writeUp}
        </Typography.Paragraph>
      </Card>
      {(item.toSpread || item.adoptions.length > 0) && <AdoptionTable item={item} />}
    </Flex>
  );
}

/** One case: the write-up, its links, what the caller may do, and its adoption by unit. */
export function CasePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const query = useCase(id);
  const back = (
    <Link to={query.data ? `/cases${query.data.kind === 'negative' ? '?kind=negative' : ''}` : '/cases'}>
      <ArrowLeftOutlined /> {t('cases.detail.back')}
    </Link>
  );
  return (
    <>
      <div style={{ marginBottom: 8 }}>{back}</div>
      <PageHeader title={query.data?.title ?? t('cases.nav')} />
      {query.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
      {query.isError &&
        (isApiError(query.error, 'not_found') ? (
          <Typography.Text type="secondary">{t('cases.detail.notFound')}</Typography.Text>
        ) : (
          <LoadError error={query.error} onRetry={() => void query.refetch()} />
        ))}
      {query.data && <CaseBody item={query.data} />}
    </>
  );
}
