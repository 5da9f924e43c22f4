import { CalculatorOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Grid, Result, Row, Skeleton, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import type { AssessmentRole, PeriodView, ScoringRuleId, UnitResult } from '../../../shared/assessment-api.js';
import { useAssessmentMutations, usePeriod, useResults } from '../../api/assessment.api.js';
import { isApiError } from '../../api/http.js';
import { hasAnyRole, useCurrentUser } from '../../auth/current-user.js';
import { LoadError } from '../../components/load-error.js';
import { NotFoundResult } from '../../components/status-results.js';
import { errorMessage } from '../../lib/error-message.js';
import { FailureReasonsChart } from '../review/failure-reasons-chart.js';
import { ScoreDistributionChart, TrendChart } from './assessment-charts.js';
import { isComputed } from './assessment-format.js';
import { LeagueTable } from './league-table.js';
import { PeriodFormModal } from './period-form-modal.js';
import { type PeriodDialog, PeriodHeader } from './period-header.js';
import { SchemeDrawer } from './scheme-drawer.js';
import { bandLabel, isInBand, type ScoreBand } from './score-bands.js';
import { UnitPointsDrawer } from './unit-points-drawer.js';

/** Before the first computation there is nothing to rank: say so, and offer to compute. */
function NotComputed({ period, canManage }: { period: PeriodView; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { compute } = useAssessmentMutations();
  return (
    <Card>
      <Result
        icon={<CalculatorOutlined style={{ color: '#1677ff' }} />}
        title={t('assessment.period.notComputedTitle')}
        subTitle={t('assessment.period.notComputedHint')}
        extra={
          canManage && (
            <Button
              type="primary"
              loading={compute.isPending}
              onClick={() =>
                compute.mutate(period.id, {
                  onSuccess: (done) => void message.success(t('assessment.period.computed', { count: done.taskCount })),
                  onError: (error) => void message.error(errorMessage(error, t)),
                })
              }
            >
              {t('assessment.actions.compute')}
            </Button>
          )
        }
      />
    </Card>
  );
}

interface OpenedUnit {
  unit: UnitResult;
  ruleId?: ScoringRuleId | undefined;
}

/** The charts and the league table of a computed period, the table filtered by a chosen band. */
function PeriodResults({ period, canRate }: { period: PeriodView; canRate: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const role: AssessmentRole = params.get('role') === 'cooperating' ? 'cooperating' : 'lead';
  const results = useResults(period.id, role, true);
  const [band, setBand] = useState<ScoreBand | null>(null);
  const [opened, setOpened] = useState<OpenedUnit | null>(null);
  const [trendUnit, setTrendUnit] = useState<UnitResult | null>(null);
  const isMobile = Grid.useBreakpoint().md === false;
  const units = results.data?.role === role ? results.data.items : [];
  const shown = band ? units.filter((unit) => isInBand(unit.score, band)) : units;

  const handleRole = (next: string) => {
    setBand(null);
    setParams(next === 'cooperating' ? { role: next } : {}, { replace: true });
  };
  const handleOpen = (unit: UnitResult, ruleId?: ScoringRuleId) => {
    setOpened({ unit, ruleId });
    setTrendUnit(unit);
  };

  const charts = (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8}>
        <Card size="small" title={t('assessment.charts.distribution')}>
          <ScoreDistributionChart units={units} selected={band} onSelect={setBand} />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" title={t('assessment.charts.trend')}>
          <TrendChart unit={trendUnit} />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" title={t('assessment.charts.failureReasons')}>
          <FailureReasonsChart periodId={period.id} height={240} />
        </Card>
      </Col>
    </Row>
  );
  const table = (
    <Card styles={{ body: { paddingTop: 4, ...(isMobile ? { paddingInline: 12, paddingBottom: 12 } : {}) } }}>
      <Tabs
        activeKey={role}
        onChange={handleRole}
        items={(['lead', 'cooperating'] as const).map((key) => ({ key, label: t(`assessment.league.${key}`) }))}
        tabBarExtraContent={
          band && (
            <Tag closable onClose={() => setBand(null)} color="blue" style={{ marginInlineEnd: 0 }}>
              {t('assessment.league.band', { band: bandLabel(band) })}
            </Tag>
          )
        }
      />
      {results.isError ? (
        <LoadError error={results.error} onRetry={() => void results.refetch()} />
      ) : (
        <LeagueTable units={shown} loading={results.isPending || results.isPlaceholderData} onOpen={handleOpen} />
      )}
    </Card>
  );

  // On a desktop the charts sit above the table they filter; on a phone the table comes first.
  return (
    <Flex vertical gap={16}>
      {isMobile ? table : charts}
      {isMobile ? charts : table}
      {opened && (
        <UnitPointsDrawer
          periodId={period.id}
          role={role}
          unit={opened.unit}
          initialRuleId={opened.ruleId}
          canRate={canRate}
          onClose={() => setOpened(null)}
        />
      )}
    </Flex>
  );
}

/** One assessment period: its facts and actions, scheme, league tables, drill-downs and charts. */
export function AssessmentPeriodPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const id = Number(useParams().id);
  const period = usePeriod(id);
  const [dialog, setDialog] = useState<PeriodDialog | null>(null);
  const canManage = hasAnyRole(user, ['supervisor', 'admin']);
  const canRate = hasAnyRole(user, ['supervisor', 'admin', 'leader']);

  if (!Number.isInteger(id) || id <= 0 || isApiError(period.error, 'not_found')) return <NotFoundResult />;
  if (period.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (period.isError) return <LoadError error={period.error} onRetry={() => void period.refetch()} />;
  const current = period.data;
  const isDraft = current.status === 'draft';

  return (
    <>
      <PeriodHeader period={current} canManage={canManage} onOpen={setDialog} />
      {!isDraft && (
        <Alert type="info" showIcon title={t('assessment.period.frozenNotice')} style={{ marginBottom: 16 }} />
      )}
      {isComputed(current) ? (
        <PeriodResults period={current} canRate={canRate} />
      ) : (
        <NotComputed period={current} canManage={canManage && isDraft} />
      )}
      {dialog === 'scheme' && (
        <SchemeDrawer period={current} canEdit={canManage && isDraft} onClose={() => setDialog(null)} />
      )}
      {dialog === 'edit' && <PeriodFormModal period={current} onClose={() => setDialog(null)} />}
    </>
  );
}
