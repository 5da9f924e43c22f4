import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useDocumentTitle } from '../lib/use-document-title.js';

function HomeButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate('/')}>
      {t('common.backHome')}
    </Button>
  );
}

/** The page a person sees when their roles do not allow what they opened. */
export function ForbiddenResult() {
  const { t } = useTranslation();
  useDocumentTitle(t('result.forbiddenTitle'));
  return (
    <Result
      status="403"
      title={t('result.forbiddenTitle')}
      subTitle={t('result.forbiddenSubtitle')}
      extra={<HomeButton />}
    />
  );
}

/** The page for an address that does not exist. */
export function NotFoundResult() {
  const { t } = useTranslation();
  useDocumentTitle(t('result.notFoundTitle'));
  return (
    <Result
      status="404"
      title={t('result.notFoundTitle')}
      subTitle={t('result.notFoundSubtitle')}
      extra={<HomeButton />}
    />
  );
}
