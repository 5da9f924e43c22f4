import { CalendarOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskReports } from '../../api/reports.api.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDay } from '../tasks/task-view-model.js';
import { ReportCycleModal } from './report-cycle-modal.js';
import { formatList } from './report-format.js';

/** 报送周期: how often the task reports and by when; the supervision office may change it. */
export function ReportCycleCard({ taskId, reports }: { taskId: number; reports: TaskReports }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [isEditing, setIsEditing] = useState(false);
  const { cycle } = reports;
  return (
    <Card size="small">
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <Flex vertical gap={4} style={{ minWidth: 0, flex: '1 1 240px' }}>
          <Flex align="center" gap={8} wrap>
            <CalendarOutlined aria-hidden />
            <Typography.Text strong>
              {t('reports.cycle.titleLine', { cycle: t(`reports.cycle.kinds.${cycle.kind}`) })}
            </Typography.Text>
            {cycle.isDefault && <Tag style={{ marginInlineEnd: 0 }}>{t('reports.cycle.default')}</Tag>}
          </Flex>
          {cycle.kind !== 'none' && (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('reports.cycle.due', { days: reports.dueWorkingDays })}
            </Typography.Text>
          )}
          {cycle.kind === 'custom' && cycle.customDates.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 13, overflowWrap: 'anywhere' }}>
              {t('reports.cycle.customDatesLine', {
                dates: formatList(
                  cycle.customDates.map((date) => formatDay(date, locale)),
                  locale,
                ),
              })}
            </Typography.Text>
          )}
          {cycle.kind === 'biweekly' && cycle.anchorDate && (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('reports.cycle.anchorLine', { date: formatDay(cycle.anchorDate, locale) })}
            </Typography.Text>
          )}
        </Flex>
        {reports.canSetCycle && (
          <Button icon={<EditOutlined />} onClick={() => setIsEditing(true)}>
            {t('reports.cycle.edit')}
          </Button>
        )}
      </Flex>
      {isEditing && <ReportCycleModal taskId={taskId} cycle={cycle} onClose={() => setIsEditing(false)} />}
    </Card>
  );
}
