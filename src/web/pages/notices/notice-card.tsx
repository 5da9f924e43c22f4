import { EditOutlined, FilePdfOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type Notice, noticeFileUrl } from '../../api/notices.api.js';
import { TaskKeyTag } from '../../components/task-badges.js';
import { currentLocale } from '../../i18n/index.js';
import { formatShortDateTime } from '../../lib/format.js';
import { formatDay } from '../tasks/task-view-model.js';
import { NoticeRespondModal } from './notice-respond-modal.js';
import { NoticeReviewActions } from './notice-review-actions.js';
import { NoticeStatusTag } from './notice-status-tag.js';

/** A labelled block of text (matter, requirements, response), clamped in lists. */
function Field({ label, children, clamp }: { label: string; children: ReactNode; clamp: boolean }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      <Typography.Paragraph
        style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        ellipsis={clamp ? { rows: 2, expandable: 'collapsible' } : false}
      >
        {children}
      </Typography.Paragraph>
    </div>
  );
}

/** Links to the official document (.docx, PDF) and the printable page. */
function NoticeFileLinks({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap>
      <Button size="small" type="link" icon={<FileWordOutlined />} href={noticeFileUrl(notice.id, 'docx')}>
        {t('notices.files.docx')}
      </Button>
      <Button size="small" type="link" icon={<FilePdfOutlined />} href={noticeFileUrl(notice.id, 'pdf')}>
        {t('notices.files.pdf')}
      </Button>
      <Link to={`/notices/${notice.id}/print`} target="_blank" rel="noopener">
        <Button size="small" type="link" icon={<PrinterOutlined />}>
          {t('notices.files.print')}
        </Button>
      </Link>
    </Flex>
  );
}

/** Who issued it and when, to whom, and copied to whom. */
function NoticeMeta({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const time = formatShortDateTime(notice.issuedAt, locale);
  const parts = [
    t('notices.to', { unit: notice.unit.name }),
    notice.ccUnits.length ? t('notices.cc', { units: notice.ccUnits.map((unit) => unit.name).join('、') }) : null,
    notice.issuedBy
      ? t('notices.issuedBy', { name: notice.issuedBy.displayName, time })
      : t('notices.issuedByRules', { time }),
  ];
  return (
    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
      {parts.filter(Boolean).join(' · ')}
    </Typography.Text>
  );
}

/**
 * One supervision notice: number, status and due date, the matter and requirements, the response
 * and its review, what the caller may do now, and the document links. `showTask` on list pages.
 */
export function NoticeCard({ notice, showTask, onStale }: { notice: Notice; showTask?: boolean; onStale: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [isResponding, setIsResponding] = useState(false);
  const canRespond = notice.allowedActions.includes('respond');
  const reviewed = notice.status === 'accepted' || notice.status === 'returned';
  return (
    <Card size="small" role="listitem" aria-label={notice.number}>
      <Flex vertical gap={8}>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Flex align="center" gap={6} wrap>
            <Typography.Text strong>{notice.number}</Typography.Text>
            <NoticeStatusTag notice={notice} />
          </Flex>
          <Typography.Text type={notice.overdue ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
            {t('notices.dueOn', { date: formatDay(notice.responseDue, locale) })}
          </Typography.Text>
        </Flex>
        {showTask && (
          <Flex gap={8} align="baseline" wrap style={{ minWidth: 0 }}>
            <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 12 }}>
              {notice.task.number}
            </Typography.Text>
            <Link to={`/tasks/${notice.task.id}?tab=supervision`} style={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
              {notice.task.title}
            </Link>
            {notice.task.isKey && <TaskKeyTag />}
          </Flex>
        )}
        <NoticeMeta notice={notice} />
        <Field label={t('notices.fields.matter')} clamp={Boolean(showTask)}>
          {notice.matter}
        </Field>
        <Field label={t('notices.fields.requirements')} clamp={Boolean(showTask)}>
          {notice.requirements}
        </Field>
        {notice.response && (
          <Field label={t('notices.fields.response')} clamp={Boolean(showTask)}>
            {notice.response}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('notices.respondedBy', {
                name: notice.respondedBy?.displayName ?? '',
                time: formatShortDateTime(notice.respondedAt, locale),
              })}
            </Typography.Text>
          </Field>
        )}
        {reviewed && (notice.status === 'returned' || notice.reviewComment) && (
          <Alert
            type={notice.status === 'returned' ? 'warning' : 'success'}
            showIcon
            title={t(notice.status === 'returned' ? 'notices.reviewed.returned' : 'notices.reviewed.accepted', {
              name: notice.reviewedBy?.displayName ?? '',
            })}
            description={
              notice.reviewComment ? <span style={{ whiteSpace: 'pre-wrap' }}>{notice.reviewComment}</span> : undefined
            }
          />
        )}
        <Flex justify="space-between" align="center" gap={8} wrap>
          <NoticeFileLinks notice={notice} />
          <Flex gap={8} wrap>
            {canRespond && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setIsResponding(true)}>
                {notice.status === 'returned' ? t('notices.respondAgain') : t('notices.respond')}
              </Button>
            )}
            <NoticeReviewActions notice={notice} onStale={onStale} />
          </Flex>
        </Flex>
      </Flex>
      {isResponding && <NoticeRespondModal notice={notice} onClose={() => setIsResponding(false)} />}
    </Card>
  );
}
