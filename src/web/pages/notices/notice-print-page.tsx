import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Notice } from '../../api/notices.api.js';
import { useNotice } from '../../api/notices.queries.js';
import { LoadError } from '../../components/load-error.js';
import { NotFoundResult } from '../../components/status-results.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDate } from '../../lib/format.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { formatDay } from '../tasks/task-view-model.js';
import { NOTICE_PRINT_CSS } from './notice-print.css.js';

/** The notice laid out like the official document: letterhead, number, addressee, the form, signature, copies. */
function NoticeSheet({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const org = notice.organisation;
  const letterhead = `${org ?? ''}${org && locale === 'en' ? ' ' : ''}${t('notices.doc.letterhead')}`;
  const office = `${org ?? ''}${org && locale === 'en' ? ' ' : ''}${t('notices.doc.office')}`;
  const size = Math.max(18, Math.min(36, Math.floor(420 / Math.max(1, [...letterhead].length))));
  const day = (date: string | null) => formatDay(date, locale);
  const reviewed = notice.status === 'accepted' || notice.status === 'returned';
  return (
    <article className="notice-sheet" aria-label={notice.number}>
      <h1 className="notice-letterhead" style={{ fontSize: `${size}pt` }}>
        {letterhead}
      </h1>
      <div className="notice-number">
        <span>{notice.number}</span>
        <span>
          {t('notices.doc.signer')}
          {t('notices.doc.colon')}
          {notice.issuedBy?.displayName ?? t('notices.doc.signedByRules')}
        </span>
      </div>
      <hr className="notice-rule" />
      <p style={{ margin: 0 }}>
        {t('notices.doc.addressee')}
        {t('notices.doc.colon')}
        {notice.unit.name}
      </p>
      <table className="notice-table">
        <tbody>
          <tr>
            <th scope="row">{t('notices.fields.matter')}</th>
            <td>{notice.matter}</td>
          </tr>
          <tr>
            <th scope="row">{t('notices.fields.requirements')}</th>
            <td>{notice.requirements}</td>
          </tr>
          <tr>
            <th scope="row">{t('notices.fields.responseDue')}</th>
            <td>{t('notices.doc.dueBy', { date: day(notice.responseDue) })}</td>
          </tr>
          <tr>
            <th scope="row">{t('notices.doc.task')}</th>
            <td>
              {`${notice.task.number}　${notice.task.title}\n`}
              {t('notices.doc.taskLine', {
                deadline: day(notice.task.deadline),
                progress: Math.round(notice.task.progress),
              })}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('notices.fields.response')}</th>
            <td>
              {notice.response
                ? `${notice.response}\n${t('notices.respondedBy', {
                    name: notice.respondedBy?.displayName ?? '',
                    time: formatDate(notice.respondedAt, locale),
                  })}`
                : t('notices.notAnswered')}
            </td>
          </tr>
          {reviewed && (
            <tr>
              <th scope="row">{t('notices.fields.reviewComment')}</th>
              <td>
                {t(`notices.status.${notice.status}`)}
                {notice.reviewComment ? `${t('notices.doc.colon')}${notice.reviewComment}` : ''}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <div className="notice-signature">
        <div>{office}</div>
        <div>{formatDate(notice.issuedAt, locale)}</div>
      </div>
      {notice.ccUnits.length > 0 && (
        <div className="notice-record">
          {t('notices.doc.cc')}
          {t('notices.doc.colon')}
          {notice.ccUnits.map((unit) => unit.name).join(t('notices.doc.separator'))}
          {t('notices.doc.stop')}
        </div>
      )}
    </article>
  );
}

/** `/notices/:id/print`: the notice on an A4 sheet, printable from the browser (no app chrome). */
export function NoticePrintPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const query = useNotice(Number.isInteger(id) && id > 0 ? id : 0);
  useDocumentTitle(query.data?.number ?? t('notices.title'));
  if (!Number.isInteger(id) || id <= 0) return <NotFoundResult />;
  return (
    <div className="notice-print">
      <style>{NOTICE_PRINT_CSS}</style>
      <div className="notice-toolbar">
        <Link to={query.data ? `/tasks/${query.data.task.id}?tab=supervision` : '/notices'}>
          <Button icon={<ArrowLeftOutlined />}>{t('notices.print.back')}</Button>
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!query.data}>
          {t('notices.print.print')}
        </Button>
      </div>
      {query.isPending && <Skeleton active paragraph={{ rows: 10 }} style={{ maxWidth: 720, margin: '0 auto' }} />}
      {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && <NoticeSheet notice={query.data} />}
    </div>
  );
}
