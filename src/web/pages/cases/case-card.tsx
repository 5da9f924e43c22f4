import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CaseSummary } from '../../api/cases.api.js';
import { AdoptionProgress, AdoptionStatusTag, CaseStatusTag, SpreadTag } from './case-tags.js';

/** One case in the library: title, summary, unit, task, period, spread state and progress. */
export function CaseCard({ item }: { item: CaseSummary }) {
  const { t } = useTranslation();
  const meta = [item.unit?.name, item.period?.name].filter(Boolean).join(' · ');
  return (
    <Card size="small" role="listitem" styles={{ body: { padding: 14 } }}>
      <Flex vertical gap={6}>
        <Flex gap={8} wrap align="center">
          <Link to={`/cases/${item.id}`} style={{ fontSize: 16, fontWeight: 600, overflowWrap: 'anywhere' }}>
            {item.title}
          </Link>
          <CaseStatusTag status={item.status} />
          {item.toSpread && <SpreadTag />}
          {item.myAdoption && <AdoptionStatusTag status={item.myAdoption.status} />}
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }} ellipsis={{ rows: 2 }}>
          {item.summary}
        </Typography.Paragraph>
        <Flex gap={12} wrap align="center" justify="space-between">
          <Flex vertical gap={2} style={{ minWidth: 0 }}>
            {meta && <Typography.Text style={{ fontSize: 13 }}>{meta}</Typography.Text>}
            {item.task ? (
              <Link to={`/tasks/${item.task.id}`} style={{ fontSize: 13, overflowWrap: 'anywhere' }}>
                {item.task.number} {item.task.title}
              </Link>
            ) : (
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('cases.noTask')}
              </Typography.Text>
            )}
          </Flex>
          <AdoptionProgress counts={item.adoptionCounts} />
        </Flex>
      </Flex>
    </Card>
  );
}
