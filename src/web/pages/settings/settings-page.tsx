import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.js';
import { ApiTokensCard } from './api-tokens-card.js';
import { ChangePasswordCard } from './change-password-card.js';

/** The signed-in person's own settings: password and API tokens. */
export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <ChangePasswordCard />
        </Col>
        <Col xs={24} xl={15}>
          <ApiTokensCard />
        </Col>
      </Row>
    </>
  );
}
