import { Button, Card, Empty, Flex, Grid, Skeleton, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BreakdownLine, ScoringRuleId, UnitResult } from '../../../shared/assessment-api.js';
import { formatPoints, formatScore } from './assessment-format.js';

/** Opens the explanation of a unit's score, optionally of one rule only. */
export type OpenUnit = (unit: UnitResult, ruleId?: ScoringRuleId) => void;

/** The rules that moved the score, biggest first, each opening its own lines. */
function Breakdown({ unit, onOpen }: { unit: UnitResult; onOpen: OpenUnit }) {
  const { t } = useTranslation();
  const lines = unit.breakdown
    .filter((line) => line.points !== 0 || line.count > 0)
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  if (lines.length === 0)
    return <Typography.Text type="secondary">{t('assessment.league.noBreakdown')}</Typography.Text>;
  return (
    <Flex gap={4} wrap>
      {lines.map((line: BreakdownLine) => (
        <Tag
          key={line.ruleId}
          color={line.points > 0 ? 'green' : line.points < 0 ? 'red' : undefined}
          style={{ cursor: 'pointer', marginInlineEnd: 0 }}
          onClick={() => onOpen(unit, line.ruleId)}
        >
          {t(`assessment.rules.${line.ruleId}.name`)} {formatPoints(line.points)} ×{line.count}
        </Tag>
      ))}
    </Flex>
  );
}

/** The unit's name as a button: the way into its explanation. */
function UnitButton({ unit, onOpen }: { unit: UnitResult; onOpen: OpenUnit }) {
  const { t } = useTranslation();
  return (
    <Button
      type="link"
      onClick={() => onOpen(unit)}
      aria-label={t('assessment.league.explain', { unit: unit.unitName })}
      style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
    >
      {unit.unitName}
    </Button>
  );
}

function UnitCards({ units, onOpen }: { units: UnitResult[]; onOpen: OpenUnit }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8} role="list" aria-label={t('assessment.period.results')}>
      {units.map((unit) => (
        <Card key={unit.unitId} size="small" role="listitem">
          <Flex justify="space-between" align="baseline" gap={8}>
            <Flex gap={8} align="baseline" style={{ minWidth: 0 }}>
              <Typography.Text strong style={{ minWidth: 24 }}>
                {unit.rank}
              </Typography.Text>
              <UnitButton unit={unit} onOpen={onOpen} />
            </Flex>
            <Typography.Text strong style={{ fontSize: 18, fontVariantNumeric: 'tabular-nums' }}>
              {formatScore(unit.score)}
            </Typography.Text>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('assessment.league.tasks')} {unit.taskCount}
          </Typography.Text>
          <div style={{ marginTop: 6 }}>
            <Breakdown unit={unit} onOpen={onOpen} />
          </div>
        </Card>
      ))}
    </Flex>
  );
}

/** A league table: rank, unit, score, tasks and what made the score; cards on phones. */
export function LeagueTable({ units, loading, onOpen }: { units: UnitResult[]; loading: boolean; onOpen: OpenUnit }) {
  const { t } = useTranslation();
  const isMobile = Grid.useBreakpoint().md === false;
  if (!loading && units.length === 0) return <Empty description={t('assessment.league.empty')} />;
  if (isMobile && loading) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (isMobile) return <UnitCards units={units} onOpen={onOpen} />;
  return (
    <Table<UnitResult>
      rowKey="unitId"
      size="middle"
      loading={loading}
      dataSource={units}
      pagination={units.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 860 }}
      aria-label={t('assessment.period.results')}
      columns={[
        { title: t('assessment.league.rank'), dataIndex: 'rank', width: 70, align: 'center' },
        {
          title: t('assessment.league.unit'),
          dataIndex: 'unitName',
          width: 220,
          render: (_name: string, unit) => <UnitButton unit={unit} onOpen={onOpen} />,
        },
        {
          title: t('assessment.league.score'),
          dataIndex: 'score',
          width: 90,
          align: 'right',
          render: (score: number) => (
            <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatScore(score)}
            </Typography.Text>
          ),
        },
        { title: t('assessment.league.tasks'), dataIndex: 'taskCount', width: 80, align: 'right' },
        {
          title: t('assessment.league.breakdown'),
          key: 'breakdown',
          render: (_v, unit) => <Breakdown unit={unit} onOpen={onOpen} />,
        },
      ]}
    />
  );
}
