import { Tooltip } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../api/calendar.api.js';
import { currentLocale } from '../../i18n/index.js';
import {
  formatDay,
  isWeekendDate,
  monthLayout,
  monthName,
  monthRuns,
  todayLocal,
  weekdayInitials,
} from './calendar-dates.js';
import { useHolidayName } from './holiday-names.js';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

interface CalendarMonthsProps {
  year: number;
  days: readonly CalendarDay[];
  /** A date was clicked: edit its entry, or add one for it. */
  onPick: (date: string, day: CalendarDay | undefined) => void;
}

/** Twelve month grids, days off in red and make-up workdays in blue, with the names under each month. */
export function CalendarMonths({ year, days, onPick }: CalendarMonthsProps) {
  const byDate = useMemo(() => new Map(days.map((day) => [day.date, day])), [days]);
  return (
    <div className="calendar-months">
      {Array.from({ length: 12 }, (_, index) => index + 1).map((month) => (
        <MonthGrid key={month} year={year} month={month} byDate={byDate} onPick={onPick} />
      ))}
    </div>
  );
}

interface MonthGridProps {
  year: number;
  month: number;
  byDate: ReadonlyMap<string, CalendarDay>;
  onPick: CalendarMonthsProps['onPick'];
}

/** One month: weekday initials, a button per date, then the month's holidays and make-up days by name. */
function MonthGrid({ year, month, byDate, onPick }: MonthGridProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const holidayName = useHolidayName();
  const initials = useMemo(() => weekdayInitials(locale), [locale]);
  const { lead, dates } = monthLayout(year, month);
  const entries = dates.flatMap((date) => byDate.get(date) ?? []);
  const today = todayLocal();
  const name = monthName(month, locale);

  const renderDate = (date: string, isFirst: boolean) => {
    const day = byDate.get(date);
    const classes = ['calendar-cell'];
    if (isWeekendDate(date)) classes.push('is-weekend');
    if (day) classes.push(`is-${day.kind}`);
    if (date === today) classes.push('is-today');
    const label = day
      ? t('calendar.dayLabel', {
          date: formatDay(date, locale),
          name: holidayName(day.name),
          kind: t(`calendar.kind.${day.kind}`),
        })
      : formatDay(date, locale);
    const cell = (
      <button
        key={date}
        type="button"
        className={classes.join(' ')}
        style={isFirst && lead > 0 ? { gridColumnStart: lead + 1 } : undefined}
        aria-label={label}
        onClick={() => onPick(date, day)}
      >
        {Number(date.slice(8))}
        {day && (
          <span className="calendar-badge" aria-hidden>
            {day.kind === 'holiday' ? t('calendar.badgeHoliday') : t('calendar.badgeWorkday')}
          </span>
        )}
      </button>
    );
    if (!day) return cell;
    return (
      <Tooltip key={date} title={holidayName(day.name)} mouseEnterDelay={0.3}>
        {cell}
      </Tooltip>
    );
  };

  return (
    <section aria-label={name} data-testid={`calendar-month-${month}`}>
      <h3 className="calendar-month-title">{name}</h3>
      <div className="calendar-month-grid">
        {WEEKDAYS.map((weekday, i) => (
          <div key={weekday} className="calendar-weekday" aria-hidden>
            {initials[i]}
          </div>
        ))}
        {dates.map((date) => renderDate(date, date === dates[0]))}
      </div>
      {entries.length > 0 && (
        <ul className="calendar-runs">
          {monthRuns(entries).map((run) => (
            <li key={`${run.kind}-${run.firstDay}`} className={`is-${run.kind}`}>
              {run.firstDay === run.lastDay ? run.firstDay : `${run.firstDay}–${run.lastDay}`} {holidayName(run.name)}
              {run.kind === 'workday' && ` · ${t('calendar.kind.workday')}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
