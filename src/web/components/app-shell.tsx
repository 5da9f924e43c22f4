import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, Skeleton } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router-dom';
import { Brand } from './brand.js';
import { LanguageSwitch } from './language-switch.js';
import { NavMenu } from './nav-menu.js';
import { NotificationBell } from './notification-bell.js';
import { UserMenu } from './user-menu.js';

const SIDER_WIDTH = 224;

/**
 * The frame around every signed-in page: side navigation on wide screens, a hamburger and
 * drawer on phones (≤ 768 px), and a header with language, name, unit and sign-out.
 */
export function AppShell() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const isMobile = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { pathname } = useLocation();

  // biome-ignore lint/correctness/useExhaustiveDependencies: close the drawer whenever the page changes
  useEffect(() => setDrawerOpen(false), [pathname]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {!isMobile && (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={SIDER_WIDTH}
          theme="light"
          className="app-sider"
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <Flex align="center" style={{ height: 56, paddingInline: collapsed ? 25 : 20 }}>
            <Brand markOnly={collapsed} />
          </Flex>
          {/* Room for the collapse trigger fixed at the sider's foot, so the last entries scroll clear of it. */}
          <div style={{ paddingBottom: 56 }}>
            <NavMenu inlineCollapsed={collapsed} />
          </div>
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 8,
            borderBottom: '1px solid #e8ebf0',
          }}
        >
          <Flex align="center" gap={8} style={{ minWidth: 0, flex: 1 }}>
            {isMobile && (
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('nav.openMenu')}
                onClick={() => setDrawerOpen(true)}
              />
            )}
            {isMobile && <Brand />}
          </Flex>
          <Flex align="center" gap={4} style={{ flex: 'none', marginInlineStart: 'auto' }}>
            <NotificationBell />
            <LanguageSwitch compact={isMobile} />
            <UserMenu compact={isMobile} />
          </Flex>
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} className="app-content">
          <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {isMobile && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={264}
          title={<Brand />}
          styles={{ body: { padding: 8 } }}
        >
          <NavMenu />
        </Drawer>
      )}
    </Layout>
  );
}
