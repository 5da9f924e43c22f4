import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useCurrentUser } from '../../auth/current-user.js';
import { PageHeader } from '../../components/page-header.js';
import { ApiTokensCard } from './api-tokens-card.js';
import { ChangePasswordCard } from './change-password-card.js';
import { ClosureSettingsCard } from './closure-settings-card.js';
import { FileSettingsCard } from './file-settings-card.js';
import { LadderSettingsCard } from './ladder-settings-card.js';
import { PlanSettingsCard } from './plan-settings-card.js';
import { ReportSettingsCard } from './report-settings-card.js';
import { SupervisionSettingsCard } from './supervision-settings-card.js';
import { NotificationChannelCards } from './webhooks-card.js';

/** The signed-in person's own settings (password, API tokens); administrators also set the plan, closure, reporting and file rules. */
export function SettingsPage() {
  const { t } = useTranslation();
  const isAdmin = hasAnyRole(useCurrentUser(), ['admin']);
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
        {isAdmin && (
          <>
            <Col xs={24} xl={12}>
              <PlanSettingsCard />
            </Col>
            <Col xs={24} xl={12}>
              <ClosureSettingsCard />
            </Col>
            <Col xs={24} xl={12}>
              <ReportSettingsCard />
            </Col>
            <Col xs={24} xl={12}>
              <FileSettingsCard />
            </Col>
            <Col xs={24} xl={12}>
              <SupervisionSettingsCard />
            </Col>
            <Col xs={24}>
              <LadderSettingsCard />
            </Col>
          </>
        )}
        <NotificationChannelCards />
      </Row>
    </>
  );
}
