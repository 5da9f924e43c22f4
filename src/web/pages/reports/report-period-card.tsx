import { Card, Divider, Flex, Typography } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanContent } from '../../../shared/plans-api.js';
import type { ReportPeriodView } from '../../api/reports.api.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDay, todayString } from '../tasks/task-view-model.js';
import { MissingMark } from './report-marks.js';
import { ReportSlotRow } from './report-slot-row.js';

interface ReportPeriodCardProps {
  taskId: number;
  period: ReportPeriodView;
  ownUnitIds: readonly number[];
  plan: PlanContent | null;
  /** The period of the newest lead report the caller may read: that report starts open. */
  isLatest: boolean;
}

/** One reporting period: its dates, due date, the missing mark, and every unit's report. */
export function ReportPeriodCard({ taskId, period, ownUnitIds, plan, isLatest }: ReportPeriodCardProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const isDue = todayString() > period.dueDate;
  const slots = [...period.slots].sort((a, b) => (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1));
  return (
    <Card
      size="small"
      title={
        <Flex align="center" gap={8} wrap style={{ whiteSpace: 'normal', paddingBlock: 8 }}>
          <Typography.Text strong>
            {t('reports.period.range', { start: formatDay(period.start, locale), end: formatDay(period.end, locale) })}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
            {t('reports.period.due', { date: formatDay(period.dueDate, locale) })}
          </Typography.Text>
          {period.missingWorkingDays !== null && <MissingMark workingDays={period.missingWorkingDays} />}
        </Flex>
      }
    >
      {slots.map((slot, index) => (
        <Fragment key={slot.periodId}>
          {index > 0 && <Divider style={{ margin: '12px 0' }} />}
          <ReportSlotRow
            taskId={taskId}
            slot={slot}
            isOwn={ownUnitIds.includes(slot.unitId)}
            isDue={isDue}
            plan={plan}
            defaultOpen={isLatest && slot.role === 'lead' && slot.report !== null}
          />
        </Fragment>
      ))}
    </Card>
  );
}
