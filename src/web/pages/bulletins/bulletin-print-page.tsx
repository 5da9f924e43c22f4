import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LoadError } from '../../components/load-error.js';
import { NotFoundResult } from '../../components/status-results.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { BulletinSheet } from './bulletin-sheet.js';
import { useBulletin } from './bulletins.queries.js';

const PAGE_CSS = `
.bulletin-print { background: #f0f0f0; min-height: 100vh; padding: 16px 0 32px; }
.bulletin-print-toolbar { display: flex; justify-content: space-between; gap: 8px; max-width: 210mm; margin: 0 auto 12px; padding: 0 12px; }
@media (max-width: 820px) { .bulletin-print { padding: 0; background: #fff; } .bulletin-print-toolbar { padding: 12px; margin: 0; } }
@media print { .bulletin-print { background: #fff; padding: 0; min-height: 0; } .bulletin-print-toolbar { display: none; } }
`;

/** `/bulletins/:id/print`: the bulletin on A4 sheets, printable from the browser (no app chrome). */
export function BulletinPrintPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const query = useBulletin(valid ? id : 0);
  useDocumentTitle(query.data?.number ?? query.data?.title ?? t('bulletins.nav'));
  if (!valid) return <NotFoundResult />;
  return (
    <div className="bulletin-print">
      <style>{PAGE_CSS}</style>
      <div className="bulletin-print-toolbar">
        <Link to={`/bulletins/${id}`}>
          <Button icon={<ArrowLeftOutlined />}>{t('bulletins.printBack')}</Button>
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!query.data}>
          {t('bulletins.print')}
        </Button>
      </div>
      {query.isPending && <Skeleton active paragraph={{ rows: 10 }} style={{ maxWidth: 720, margin: '0 auto' }} />}
      {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && <BulletinSheet variant="page" data={query.data} />}
    </div>
  );
}
