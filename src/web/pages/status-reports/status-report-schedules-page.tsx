import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Popconfirm, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Schedule, ScheduleRun } from '../../api/status-reports.api.js';
import { useCurrentUser } from '../../auth/current-user.js';
import { LoadError } from '../../components/load-error.js';
import { PageHeader } from '../../components/page-header.js';
import { currentLocale } from '../../i18n/index.js';
import { errorMessage } from '../../lib/error-message.js';
import { formatShortDateTime } from '../../lib/format.js';
import { ScheduleFormModal } from './schedule-form-modal.js';
import { useScheduleMutations, useSchedules } from './status-reports.queries.js';

// Settings: the schedules that generate implementation reports and email them, with their run logs.

function RunLog({ runs }: { runs: ScheduleRun[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (runs.length === 0)
    return <Typography.Text type="secondary">{t('statusReports.schedules.noRuns')}</Typography.Text>;
  return (
    <Table<ScheduleRun>
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 560 }}
      dataSource={runs}
      columns={[
        {
          title: t('statusReports.schedules.runColumns.ranAt'),
          render: (_, run) => (
            <>
              {formatShortDateTime(run.ranAt, locale)}{' '}
              <Typography.Text type="secondary">{t(`statusReports.schedules.trigger.${run.trigger}`)}</Typography.Text>
            </>
          ),
        },
        {
          title: t('statusReports.schedules.runColumns.window'),
          render: (_, run) => t('statusReports.window', { from: run.from, to: run.to }),
        },
        { title: t('statusReports.schedules.runColumns.items'), dataIndex: 'items', align: 'right' },
        {
          title: t('statusReports.schedules.runColumns.recipients'),
          render: (_, run) => run.recipients.map((person) => person.name).join(locale === 'en' ? ', ' : '、'),
        },
        {
          title: t('statusReports.schedules.runColumns.outcome'),
          render: (_, run) => (
            <Flex vertical gap={2} align="flex-start">
              <Tag color={run.outcome === 'queued' ? 'green' : 'red'}>
                {t(`statusReports.schedules.outcome.${run.outcome}`)}
              </Tag>
              {run.error && (
                <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
                  {run.error}
                </Typography.Text>
              )}
            </Flex>
          ),
        },
      ]}
    />
  );
}

function ScheduleCard({ schedule, onEdit }: { schedule: Schedule; onEdit: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = currentLocale();
  const { remove, sendNow } = useScheduleMutations();
  const [colon, comma] = locale === 'en' ? [': ', ', '] : ['：', '、'];
  const when =
    schedule.frequency === 'weekly'
      ? t(`statusReports.schedules.weekdays.${String(schedule.weekday) as '1'}`)
      : t('statusReports.schedules.day', { day: schedule.dayOfMonth });
  const handleSend = () =>
    sendNow.mutate(schedule.id, {
      onSuccess: (run) =>
        run.outcome === 'queued'
          ? void message.success(t('statusReports.schedules.sent'))
          : void message.error(t('statusReports.schedules.failed', { error: run.error ?? '' })),
      onError: (cause) => void message.error(errorMessage(cause, t)),
    });
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center" wrap>
          <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{schedule.name}</span>
          {!schedule.enabled && <Tag>{t('statusReports.schedules.enabled')}: ✕</Tag>}
        </Flex>
      }
      extra={
        <Flex gap={4} wrap justify="flex-end">
          <Button size="small" icon={<SendOutlined />} loading={sendNow.isPending} onClick={handleSend}>
            {t('statusReports.schedules.sendNow')}
          </Button>
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={onEdit}
            aria-label={t('statusReports.schedules.edit')}
          />
          <Popconfirm
            title={t('statusReports.schedules.deleteConfirm')}
            onConfirm={() => remove.mutate({ id: schedule.id, version: schedule.version })}
          >
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('statusReports.schedules.delete')} />
          </Popconfirm>
        </Flex>
      }
      style={{ marginBottom: 12 }}
    >
      <Flex vertical gap={4} style={{ marginBottom: 12 }}>
        <Typography.Text>
          {schedule.subject.title} · {t(`statusReports.form.${schedule.frequency}`)} · {when}{' '}
          {t('statusReports.schedules.at', { hour: schedule.hour })} · {schedule.formats.join(' / ')}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('statusReports.schedules.recipients')}
          {colon}
          {schedule.recipients.map((person) => person.name).join(comma)}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('statusReports.schedules.owner')}
          {colon}
          {schedule.owner.name}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('statusReports.schedules.lastRun')}
          {colon}
          {formatShortDateTime(schedule.lastRunAt, locale, t('statusReports.schedules.never'))} ·{' '}
          {t('statusReports.schedules.nextRun')}
          {colon}
          {formatShortDateTime(schedule.nextRunAt, locale)}
        </Typography.Text>
      </Flex>
      <Typography.Title level={5} style={{ fontSize: 14, margin: '0 0 8px' }}>
        {t('statusReports.schedules.runs')}
      </Typography.Title>
      <RunLog runs={schedule.runs} />
    </Card>
  );
}

/** 定时发送: the schedules, a form to add or change one, "send now" and every run's record. */
export function StatusReportSchedulesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const schedules = useSchedules();
  const [editing, setEditing] = useState<Schedule | 'new' | null>(null);
  return (
    <>
      <PageHeader
        title={t('statusReports.schedules.title')}
        subtitle={t('statusReports.schedules.subtitle')}
        extra={
          <>
            <Link to="/status-reports">
              <Button icon={<ArrowLeftOutlined />}>{t('statusReports.schedules.back')}</Button>
            </Link>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('statusReports.schedules.add')}
            </Button>
          </>
        }
      />
      {schedules.isError ? (
        <LoadError error={schedules.error} onRetry={() => void schedules.refetch()} />
      ) : !schedules.data ? (
        <Skeleton active />
      ) : schedules.data.length === 0 ? (
        <Empty description={t('statusReports.schedules.empty')} />
      ) : (
        schedules.data.map((schedule) => (
          <ScheduleCard key={schedule.id} schedule={schedule} onEdit={() => setEditing(schedule)} />
        ))
      )}
      {editing && (
        <ScheduleFormModal
          schedule={editing === 'new' ? null : editing}
          ownerId={user.id}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
