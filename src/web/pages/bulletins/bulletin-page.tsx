import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LoadError } from '../../components/load-error.js';
import { PageHeader } from '../../components/page-header.js';
import { NotFoundResult } from '../../components/status-results.js';
import { BulletinEditor } from './bulletin-editor.js';
import { BulletinIssuedView } from './bulletin-issued-view.js';
import { BulletinStatusTag } from './bulletin-status-tag.js';
import { BulletinFileButtons } from './bulletin-toolbar.js';
import { useBulletin } from './bulletins.queries.js';

/** `/bulletins/:id`: a draft in the editor for the supervision office, otherwise the document to read. */
export function BulletinPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const query = useBulletin(valid ? id : 0);
  if (!valid) return <NotFoundResult />;
  const bulletin = query.data;
  const editable = bulletin?.allowedActions.includes('edit') ?? false;
  return (
    <>
      <div style={{ marginBottom: 8 }}>
        <Link to="/bulletins">
          <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
            {t('bulletins.back')}
          </Button>
        </Link>
      </div>
      <PageHeader
        title={bulletin?.number ?? bulletin?.title ?? t('bulletins.nav')}
        subtitle={bulletin?.number ? bulletin.title : undefined}
        extra={bulletin && !editable && <BulletinFileButtons id={bulletin.id} />}
      />
      {query.isPending && <Skeleton active paragraph={{ rows: 10 }} />}
      {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      {bulletin && (
        <Flex vertical gap={12}>
          <Flex gap={8} align="center">
            <BulletinStatusTag status={bulletin.status} />
            {bulletin.period && <Typography.Text type="secondary">{bulletin.period.name}</Typography.Text>}
          </Flex>
          {editable ? (
            <BulletinEditor key={bulletin.id} bulletin={bulletin} />
          ) : (
            <BulletinIssuedView bulletin={bulletin} />
          )}
        </Flex>
      )}
    </>
  );
}
