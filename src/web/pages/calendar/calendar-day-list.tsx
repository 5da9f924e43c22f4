import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, List, Popconfirm, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../api/calendar.api.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDay } from './calendar-dates.js';
import { useHolidayName } from './holiday-names.js';

interface CalendarDayListProps {
  year: number;
  days: readonly CalendarDay[];
  onEdit: (day: CalendarDay) => void;
  onRemove: (day: CalendarDay) => void;
}

/** The year's entries one per row, with edit and delete: the compact view for phones and for checking. */
export function CalendarDayList({ year, days, onEdit, onRemove }: CalendarDayListProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const holidayName = useHolidayName();
  if (days.length === 0) return <Empty description={t('calendar.emptyYear', { year })} />;
  return (
    <List
      size="small"
      dataSource={[...days]}
      rowKey="date"
      renderItem={(day) => (
        <List.Item data-testid={`calendar-day-${day.date}`} style={{ paddingInline: 0 }}>
          <Flex justify="space-between" align="center" gap={8} style={{ width: '100%' }}>
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Typography.Text>{formatDay(day.date, locale)}</Typography.Text>
              <Flex gap={8} align="center" wrap>
                <Tag color={day.kind === 'holiday' ? 'red' : 'blue'} style={{ marginInlineEnd: 0 }}>
                  {t(`calendar.kind.${day.kind}`)}
                </Tag>
                <Typography.Text strong>{holidayName(day.name)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`calendar.source.${day.source}`)}
                </Typography.Text>
              </Flex>
            </Flex>
            <Flex gap={4} style={{ flex: 'none' }}>
              <Button
                type="text"
                icon={<EditOutlined />}
                aria-label={`${t('common.edit')} ${day.date}`}
                onClick={() => onEdit(day)}
              />
              <Popconfirm
                title={t('calendar.removeConfirm', { date: day.date })}
                description={t('calendar.removeDescription')}
                okText={t('calendar.remove')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => onRemove(day)}
              >
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`${t('calendar.remove')} ${day.date}`}
                />
              </Popconfirm>
            </Flex>
          </Flex>
        </List.Item>
      )}
    />
  );
}
