import { ApartmentOutlined, InboxOutlined, ProfileOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Empty, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ROLES } from '../../shared/roles.js';
import { hasAnyRole, useCurrentUser } from '../auth/current-user.js';
import { RoleTags } from '../components/role-tags.js';
import { useDocumentTitle } from '../lib/use-document-title.js';

/**
 * The start page: who you are, and — until tasks arrive in later releases — an honest
 * explanation of what will appear here instead of invented figures.
 */
export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  useDocumentTitle(t('nav.home'));
  const roles = ROLES.filter((role) => user.roles.includes(role));

  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('home.greeting', { name: user.displayName })}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2 }}
          size="small"
          items={[
            { key: 'unit', label: t('home.unit'), children: user.unitName ?? t('header.noUnit') },
            { key: 'roles', label: t('home.roles'), children: <RoleTags roles={roles} /> },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('home.whatYouWillSee')} style={{ height: '100%' }}>
            {roles.length === 0 ? (
              <Typography.Text type="secondary">{t('home.noRoles')}</Typography.Text>
            ) : (
              <ul className="role-hints">
                {roles.map((role) => (
                  <li key={role}>
                    <Typography.Text strong>{t(`roles.${role}`)}</Typography.Text>
                    <Typography.Text type="secondary">{t(`home.roleHints.${role}`)}</Typography.Text>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card style={{ height: '100%' }}>
            <Empty description={t('home.emptyTitle')}>
              <Typography.Paragraph type="secondary" style={{ maxWidth: 360, margin: '0 auto' }}>
                {t('home.emptyDescription')}
              </Typography.Paragraph>
              <Flex gap={12} wrap justify="center" style={{ marginTop: 16 }}>
                <Button type="primary" icon={<InboxOutlined />} onClick={() => navigate('/inbox')}>
                  {t('nav.inbox')}
                </Button>
                <Button icon={<ProfileOutlined />} onClick={() => navigate('/tasks')}>
                  {t('nav.tasks')}
                </Button>
              </Flex>
            </Empty>
          </Card>
        </Col>
      </Row>
      {hasAnyRole(user, ['admin']) && (
        <Card title={t('home.adminShortcuts')}>
          <Flex gap={12} wrap>
            <Button icon={<ApartmentOutlined />} onClick={() => navigate('/admin/units')}>
              {t('nav.units')}
            </Button>
            <Button icon={<TeamOutlined />} onClick={() => navigate('/admin/users')}>
              {t('nav.users')}
            </Button>
          </Flex>
        </Card>
      )}
    </Flex>
  );
}
