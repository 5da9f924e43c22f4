import { StarOutlined } from '@ant-design/icons';
import { Button, Card, Drawer, Empty, Flex, Grid, Select, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  ASSESSMENT_LIMITS,
  type AssessmentRole,
  type ExplanationView,
  type PointLine,
  type ScoringRuleId,
  type UnitResult,
} from '../../../shared/assessment-api.js';
import { useUnitPoints } from '../../api/assessment.api.js';
import { LoadError } from '../../components/load-error.js';
import { formatPoints, formatScore } from './assessment-format.js';
import { describePointDetail } from './point-detail.js';
import { RatingModal, type RatingTarget } from './rating-modal.js';

interface TaskGroup {
  taskId: number;
  label: string;
  total: number;
  lines: Array<{ key: string; line: PointLine }>;
}

/** The lines grouped by task, in the server's order (the order the facts were scored in). */
function groupByTask(lines: PointLine[]): TaskGroup[] {
  const groups = new Map<number, TaskGroup>();
  const seen = new Map<string, number>();
  for (const line of lines) {
    // A line is its fact (rule and reference); the rare repeat gets a counter to stay unique.
    const base = `${line.ruleId}:${line.refType ?? ''}:${line.refId ?? ''}:${line.occurredOn ?? ''}`;
    const repeat = seen.get(base) ?? 0;
    seen.set(base, repeat + 1);
    const group = groups.get(line.taskId) ?? {
      taskId: line.taskId,
      label: `${line.taskNumber} ${line.taskTitle}`,
      total: 0,
      lines: [],
    };
    group.total += line.points;
    group.lines.push({ key: repeat ? `${base}:${repeat}` : base, line });
    groups.set(line.taskId, group);
  }
  return [...groups.values()];
}

const pointsColour = (points: number) => (points > 0 ? '#389e0d' : points < 0 ? '#cf1322' : undefined);

/** One explaining line: the rule, the points, the day and the particulars in words. */
function PointLineRow({ line }: { line: PointLine }) {
  const { t } = useTranslation();
  const detail = describePointDetail(line, t);
  return (
    <Flex gap={8} align="baseline" wrap role="listitem">
      <Typography.Text
        strong
        style={{ color: pointsColour(line.points), minWidth: 44, fontVariantNumeric: 'tabular-nums' }}
      >
        {formatPoints(line.points)}
      </Typography.Text>
      <Typography.Text>{t(`assessment.rules.${line.ruleId}.name`)}</Typography.Text>
      {line.occurredOn && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {line.occurredOn}
        </Typography.Text>
      )}
      {detail && (
        <Typography.Text type="secondary" style={{ fontSize: 12, flexBasis: '100%', paddingInlineStart: 52 }}>
          {detail}
        </Typography.Text>
      )}
    </Flex>
  );
}

function TaskGroupCard({ group, onRate }: { group: TaskGroup; onRate?: (group: TaskGroup) => void }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={
        <Link
          to={`/tasks/${group.taskId}?tab=history`}
          title={t('assessment.points.timeline')}
          style={{ whiteSpace: 'normal' }}
        >
          {group.label}
        </Link>
      }
      extra={
        <Flex gap={8} align="center">
          <Typography.Text
            strong
            style={{ color: pointsColour(group.total) }}
            aria-label={t('assessment.points.taskTotal')}
          >
            {formatPoints(Math.round(group.total * 100) / 100)}
          </Typography.Text>
          {onRate && (
            <Button size="small" icon={<StarOutlined />} onClick={() => onRate(group)}>
              {t('assessment.rating.rate')}
            </Button>
          )}
        </Flex>
      }
      styles={{ header: { minHeight: 0, paddingBlock: 8, alignItems: 'flex-start' } }}
    >
      <Flex vertical gap={6} role="list">
        {group.lines.map(({ key, line }) => (
          <PointLineRow key={key} line={line} />
        ))}
      </Flex>
    </Card>
  );
}

/** Base + points = score; when the floor raised it, the sum before it, the arrow and 扣完为止. */
function ScoreFormula({ explanation, sum }: { explanation: ExplanationView; sum: number }) {
  const { t } = useTranslation();
  const values = {
    base: formatScore(explanation.base),
    sum: formatPoints(sum),
    score: formatScore(explanation.score),
  };
  if (!explanation.floored) return <Typography.Text>{t('assessment.points.formula', values)}</Typography.Text>;
  return (
    <Flex vertical gap={2}>
      <Typography.Text data-testid="score-floored">
        {t('assessment.points.formulaFloored', { ...values, unclamped: formatScore(explanation.unclampedScore) })}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('assessment.points.flooredHelp', { floor: formatScore(explanation.floor ?? explanation.score) })}
      </Typography.Text>
    </Flex>
  );
}

/**
 * Why a unit has its score: base plus every point and deduction (all of them, even past the
 * floor), grouped by task, each task linking to its timeline. Supervisors and leaders rate the
 * unit's work on a task from here.
 */
export function UnitPointsDrawer({
  periodId,
  role,
  unit,
  initialRuleId,
  canRate,
  onClose,
}: {
  periodId: number;
  role: AssessmentRole;
  unit: UnitResult;
  initialRuleId?: ScoringRuleId | undefined;
  canRate: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const isMobile = Grid.useBreakpoint().md === false;
  const [ruleId, setRuleId] = useState(initialRuleId);
  const [rating, setRating] = useState<RatingTarget | null>(null);
  const points = useUnitPoints(periodId, unit.unitId, role, ruleId);
  const groups = groupByTask(points.data?.items ?? []);
  // The sum of every line: against the score before the floor, which the floor may have raised.
  const sum = points.data ? Math.round((points.data.unclampedScore - points.data.base) * 100) / 100 : null;

  return (
    <Drawer
      open
      onClose={onClose}
      title={t('assessment.points.title', { unit: unit.unitName })}
      size={isMobile ? '100%' : 640}
    >
      <Flex vertical gap={12}>
        {points.data && sum !== null && <ScoreFormula explanation={points.data} sum={sum} />}
        <Flex gap={8} wrap align="center">
          <Select<ScoringRuleId | undefined>
            allowClear
            value={ruleId}
            onChange={(next) => setRuleId(next ?? undefined)}
            placeholder={t('assessment.points.allRules')}
            aria-label={t('assessment.points.rule')}
            options={unit.breakdown.map((line) => ({
              value: line.ruleId,
              label: `${t(`assessment.rules.${line.ruleId}.name`)} (${line.count})`,
            }))}
            style={{ flex: '1 1 200px', maxWidth: isMobile ? undefined : 280 }}
          />
          {points.data && (
            <Tag style={{ marginInlineEnd: 0 }}>
              {t('assessment.points.lines', { count: points.data.items.length })}
            </Tag>
          )}
        </Flex>
        {points.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
        {points.isError && <LoadError error={points.error} onRetry={() => void points.refetch()} />}
        {points.isSuccess && groups.length === 0 && <Empty description={t('assessment.points.empty')} />}
        {points.data && points.data.items.length >= ASSESSMENT_LIMITS.pageMax && (
          <Typography.Text type="warning">
            {t('assessment.points.truncated', { count: ASSESSMENT_LIMITS.pageMax })}
          </Typography.Text>
        )}
        {groups.map((group) => (
          <TaskGroupCard
            key={group.taskId}
            group={group}
            onRate={
              canRate
                ? () =>
                    setRating({
                      taskId: group.taskId,
                      taskLabel: group.label,
                      unitId: unit.unitId,
                      unitName: unit.unitName,
                    })
                : undefined
            }
          />
        ))}
      </Flex>
      {rating && <RatingModal periodId={periodId} target={rating} onClose={() => setRating(null)} />}
    </Drawer>
  );
}
