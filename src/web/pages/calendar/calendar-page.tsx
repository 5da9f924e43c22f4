import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Row, Segmented, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CALENDAR_LIMITS } from '../../../shared/calendar.js';
import type { CalendarDay } from '../../api/calendar.api.js';
import { useCalendarMutations, useCalendarYear, useTaskSettings } from '../../api/calendar.queries.js';
import { LoadError } from '../../components/load-error.js';
import { PageHeader } from '../../components/page-header.js';
import { errorMessage } from '../../lib/error-message.js';
import { todayLocal } from './calendar-dates.js';
import { CalendarDayList } from './calendar-day-list.js';
import { CalendarDayModal, type DayDialogTarget } from './calendar-day-modal.js';
import { CalendarMonths } from './calendar-months.js';
import { ImportIcsButton } from './import-ics-button.js';
import { TaskSettingsCard } from './task-settings-card.js';
import { WorkingDaysCard } from './working-days-card.js';
import { YearStatus } from './year-status.js';
import './calendar.css';

type View = 'months' | 'list';

/** Holiday calendar admin: a year of days off and make-up workdays, its import, and the task setting. */
export function CalendarPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const thisYear = Number(todayLocal().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [view, setView] = useState<View>('months');
  const [dialog, setDialog] = useState<DayDialogTarget | null>(null);
  const calendar = useCalendarYear(year);
  const settings = useTaskSettings();
  const { removeDay } = useCalendarMutations();
  const days = calendar.data?.year === year ? calendar.data.days : [];

  const handleAdd = () => setDialog({ date: year === thisYear ? todayLocal() : `${year}-01-01` });

  const handleSaved = (day: CalendarDay) => {
    void message.success(t('calendar.saved', { date: day.date }));
    setDialog(null);
    const savedYear = Number(day.date.slice(0, 4));
    if (savedYear !== year) setYear(savedYear);
  };

  const handleRemove = (day: CalendarDay) => {
    removeDay.mutate(day.date, {
      onSuccess: () => {
        void message.success(t('calendar.removed', { date: day.date }));
        setDialog(null);
      },
      onError: (error) => void message.error(errorMessage(error, t)),
    });
  };

  const body = (() => {
    if (calendar.isError) return <LoadError error={calendar.error} onRetry={() => void calendar.refetch()} />;
    if (!calendar.data) return <Skeleton active paragraph={{ rows: 8 }} />;
    if (view === 'list') {
      return (
        <CalendarDayList
          year={year}
          days={days}
          onEdit={(day) => setDialog({ date: day.date, day })}
          onRemove={handleRemove}
        />
      );
    }
    return <CalendarMonths year={year} days={days} onPick={(date, day) => setDialog({ date, day })} />;
  })();

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        subtitle={t('calendar.subtitle')}
        extra={
          <>
            <ImportIcsButton onImported={(result) => result.years[0] && setYear(result.years[0])} />
            <Button type="primary" icon={<PlusOutlined />} onClick={handleAdd}>
              {t('calendar.addDay')}
            </Button>
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <Card>
            <Flex vertical gap={16}>
              <Flex justify="space-between" align="center" wrap gap={12}>
                <Flex align="center" gap={4}>
                  <Button
                    type="text"
                    icon={<LeftOutlined />}
                    aria-label={t('calendar.previousYear')}
                    disabled={year <= CALENDAR_LIMITS.yearMin}
                    onClick={() => setYear(year - 1)}
                  />
                  <Typography.Title level={4} style={{ margin: 0, minWidth: 72, textAlign: 'center' }}>
                    {t('calendar.yearLabel', { year })}
                  </Typography.Title>
                  <Button
                    type="text"
                    icon={<RightOutlined />}
                    aria-label={t('calendar.nextYear')}
                    disabled={year >= CALENDAR_LIMITS.yearMax}
                    onClick={() => setYear(year + 1)}
                  />
                  {year !== thisYear && (
                    <Button size="small" onClick={() => setYear(thisYear)}>
                      {t('calendar.thisYear')}
                    </Button>
                  )}
                </Flex>
                <Segmented<View>
                  value={view}
                  onChange={setView}
                  options={[
                    { value: 'months', label: t('calendar.viewMonths') },
                    { value: 'list', label: t('calendar.viewList') },
                  ]}
                />
              </Flex>
              {calendar.data?.year === year && <YearStatus year={year} published={calendar.data.published} />}
              <Flex gap={16} wrap style={{ fontSize: 12 }}>
                <span>
                  <span className="calendar-swatch is-holiday" />
                  {t('calendar.legendHoliday')}
                </span>
                <span>
                  <span className="calendar-swatch is-workday" />
                  {t('calendar.legendWorkday')}
                </span>
                <span style={{ color: 'rgba(0, 0, 0, 0.45)' }}>
                  <span className="calendar-swatch is-weekend" />
                  {t('calendar.legendWeekend')}
                </span>
              </Flex>
              {body}
            </Flex>
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Flex vertical gap={16}>
            <TaskSettingsCard />
            <WorkingDaysCard defaultDays={settings.data?.acknowledgeWorkingDays ?? 2} />
          </Flex>
        </Col>
      </Row>
      <CalendarDayModal target={dialog} onClose={() => setDialog(null)} onSaved={handleSaved} onRemove={handleRemove} />
    </>
  );
}
