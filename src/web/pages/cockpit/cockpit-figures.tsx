import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Card, Col, Row, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Cockpit, CockpitFigures } from '../../../shared/cockpit-api.js';
import type { CockpitView, DrillTarget } from '../../../shared/cockpit-drill.js';
import { drillHref } from './cockpit-links.js';

type Count = 'open' | 'closed' | 'overdue' | 'red' | 'amber' | 'stalledKey';

/** Whether more is better (open and closed are neutral: more open work is neither good nor bad). */
const BETTER: Record<Count | 'onTimeRate' | 'reports', 'up' | 'down' | null> = {
  open: null,
  closed: 'up',
  overdue: 'down',
  red: 'down',
  amber: 'down',
  stalledKey: 'down',
  onTimeRate: 'up',
  reports: 'up',
};

const COLOURS: Partial<Record<Count, string>> = {
  overdue: '#cf1322',
  red: '#cf1322',
  amber: '#d48806',
  stalledKey: '#cf1322',
};

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** The change since last week, coloured by whether it is good news. */
function Change({ delta, better, unit = '' }: { delta: number | null; better: 'up' | 'down' | null; unit?: string }) {
  const { t } = useTranslation();
  if (delta === null) return null;
  const rounded = Math.round(delta * 10) / 10;
  if (rounded === 0)
    return <Typography.Text type="secondary">{`${t('cockpit.figures.sinceWeek')} ±0${unit}`}</Typography.Text>;
  const good = better === null ? null : rounded > 0 === (better === 'up');
  const colour = good === null ? undefined : good ? '#389e0d' : '#cf1322';
  return (
    <Typography.Text style={{ color: colour }}>
      {t('cockpit.figures.sinceWeek')}{' '}
      {rounded > 0 ? <ArrowUpOutlined aria-hidden /> : <ArrowDownOutlined aria-hidden />}
      {` ${rounded > 0 ? '+' : ''}${rounded}${unit}`}
    </Typography.Text>
  );
}

function FigureCard({
  title,
  value,
  href,
  colour,
  footer,
  testId,
}: {
  title: string;
  value: ReactNode;
  href?: string | undefined;
  colour?: string | undefined;
  footer: ReactNode;
  testId: string;
}) {
  const number = (
    <span className="cockpit-figure-value" style={{ color: colour }}>
      {value}
    </span>
  );
  return (
    <Card size="small" className="cockpit-figure" data-testid={`figure-${testId}`}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div>{href ? <Link to={href}>{number}</Link> : number}</div>
      <div className="cockpit-figure-footer">{footer}</div>
    </Card>
  );
}

/** The headline figures, each a link to the list behind it, with the change since last week. */
export function CockpitFigureCards({
  cockpit,
  view,
  filtered,
}: {
  cockpit: Cockpit;
  view: CockpitView;
  filtered: boolean;
}) {
  const { t } = useTranslation();
  const f = cockpit.figures;
  const week = cockpit.weekAgo;
  const delta = (pick: (figures: CockpitFigures) => number | null) => {
    if (!week) return null;
    const now = pick(f);
    const then = pick(week);
    return now === null || then === null ? null : now - then;
  };
  const changeOf = (key: Count | 'onTimeRate' | 'reports', value: number | null, unit = '') =>
    week ? (
      <Tooltip title={t('cockpit.figures.weekAgoTitle', { day: cockpit.weekAgoDay })}>
        <span>
          <Change delta={value} better={BETTER[key]} unit={unit} />
        </span>
      </Tooltip>
    ) : null;
  const counts: Array<[Count, DrillTarget]> = [
    ['open', { kind: 'open' }],
    ['overdue', { kind: 'overdue' }],
    ['red', { kind: 'light', light: 'red' }],
    ['amber', { kind: 'light', light: 'amber' }],
    ['stalledKey', { kind: 'stalledKey' }],
    ['closed', { kind: 'closed' }],
  ];
  const rate = percent(f.onTimeRate);
  const reports = f.reports;
  const reportsRate = percent(reports?.rate ?? null);
  return (
    <Row gutter={[12, 12]}>
      {!week && (
        <Col span={24}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {filtered ? t('cockpit.figures.filteredNoChange') : t('cockpit.figures.noWeekAgo')}
          </Typography.Text>
        </Col>
      )}
      {counts.map(([key, target]) => (
        <Col key={key} xs={12} sm={8} lg={6} xxl={3}>
          <FigureCard
            testId={key}
            title={t(`cockpit.figures.${key}`)}
            value={f[key]}
            colour={f[key] > 0 ? COLOURS[key] : undefined}
            href={drillHref(view, target)}
            footer={changeOf(
              key,
              delta((x) => x[key]),
            )}
          />
        </Col>
      ))}
      <Col xs={12} sm={8} lg={6} xxl={3}>
        <FigureCard
          testId="onTimeRate"
          title={t('cockpit.figures.onTimeRate')}
          value={rate === null ? t('cockpit.figures.noRate') : `${rate}%`}
          href={f.closed > 0 ? drillHref(view, { kind: 'closedOnTime' }) : undefined}
          footer={
            <>
              <Typography.Text type="secondary">
                {t('cockpit.figures.closedDetail', { onTime: f.closedOnTime, closed: f.closed })}
              </Typography.Text>
              {week && <br />}
              {changeOf(
                'onTimeRate',
                delta((x) => percent(x.onTimeRate)),
                t('cockpit.figures.points'),
              )}
            </>
          }
        />
      </Col>
      <Col xs={12} sm={8} lg={6} xxl={3}>
        <FigureCard
          testId="reports"
          title={t('cockpit.figures.reportsOnTime')}
          value={reportsRate === null ? t('cockpit.figures.noRate') : `${reportsRate}%`}
          footer={
            reports ? (
              <>
                <Typography.Text type="secondary">
                  {reports.onTime + reports.late + reports.missing === 0
                    ? t('cockpit.figures.noReports')
                    : t('cockpit.figures.reportsDetail', {
                        due: reports.onTime + reports.late + reports.missing,
                        onTime: reports.onTime,
                        late: reports.late,
                        missing: reports.missing,
                      })}
                </Typography.Text>
                {week && <br />}
                {changeOf(
                  'reports',
                  delta((x) => percent(x.reports?.rate ?? null)),
                  t('cockpit.figures.points'),
                )}
              </>
            ) : (
              <Typography.Text type="secondary">{t('cockpit.figures.reportsFiltered')}</Typography.Text>
            )
          }
        />
      </Col>
    </Row>
  );
}
