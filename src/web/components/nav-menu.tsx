import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  DashboardOutlined,
  EditOutlined,
  ExceptionOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  FileExclamationOutlined,
  FileTextOutlined,
  HomeOutlined,
  ImportOutlined,
  InboxOutlined,
  LikeOutlined,
  NotificationOutlined,
  PieChartOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SwapOutlined,
  TeamOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { hasAnyRole, useCurrentUser } from '../auth/current-user.js';
import { TaskInboxCount } from './task-inbox-count.js';

type MenuItem = NonNullable<MenuProps['items']>[number];

/** The menu key for a path: the longest navigation entry it starts with. */
function selectedKey(pathname: string): string {
  const keys = [
    '/inbox',
    '/cockpit',
    '/portfolio',
    '/reviews',
    '/notifications',
    '/tasks',
    '/supervision',
    '/extensions',
    '/coordination',
    '/instructions',
    '/notices',
    '/assessment',
    '/rectifications',
    '/cases',
    '/bulletins',
    '/status-reports',
    '/accountability',
    '/public-ratings',
    '/sources',
    '/imports/document',
    '/admin/units',
    '/admin/users',
    '/admin/calendar',
    '/audit',
    '/settings',
  ];
  // A progress report belongs to its task.
  if (pathname.startsWith('/reports/')) return '/tasks';
  return keys.find((key) => pathname === key || pathname.startsWith(`${key}/`)) ?? '/';
}

/** The side navigation; shows only what the signed-in person's roles allow. */
export function NavMenu({ inlineCollapsed }: { inlineCollapsed?: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const items: MenuItem[] = [
    { key: '/', icon: <HomeOutlined />, label: <Link to="/">{t('nav.home')}</Link> },
    {
      key: '/inbox',
      icon: <InboxOutlined />,
      label: (
        <Link to="/inbox">
          {t('nav.inbox')} <TaskInboxCount />
        </Link>
      ),
    },
    ...(hasAnyRole(user, ['leader', 'supervisor', 'admin', 'auditor'])
      ? [{ key: '/cockpit', icon: <DashboardOutlined />, label: <Link to="/cockpit">{t('cockpit.nav')}</Link> }]
      : []),
    ...(hasAnyRole(user, ['leader'])
      ? [{ key: '/portfolio', icon: <PieChartOutlined />, label: <Link to="/portfolio">{t('portfolio.nav')}</Link> }]
      : []),
    ...(hasAnyRole(user, ['supervisor', 'admin', 'unit_head', 'leader'])
      ? [
          {
            key: '/reviews',
            icon: <SafetyCertificateOutlined />,
            label: <Link to="/reviews">{t('reviews.nav')}</Link>,
          },
        ]
      : []),
    { key: '/tasks', icon: <ProfileOutlined />, label: <Link to="/tasks">{t('nav.tasks')}</Link> },
    {
      key: 'supervision-group',
      type: 'group' as const,
      label: inlineCollapsed ? null : t('nav.supervision'),
      children: [
        ...(hasAnyRole(user, ['supervisor', 'admin'])
          ? [
              {
                key: '/supervision',
                icon: <AlertOutlined />,
                label: <Link to="/supervision">{t('supervision.desk.nav')}</Link>,
              },
            ]
          : []),
        {
          key: '/instructions',
          icon: <EditOutlined />,
          label: <Link to="/instructions">{t('instructions.nav')}</Link>,
        },
        ...(hasAnyRole(user, ['supervisor', 'admin', 'auditor', 'unit_head', 'unit_staff', 'leader'])
          ? [
              {
                key: '/notices',
                icon: <FileExclamationOutlined />,
                label: <Link to="/notices">{t('notices.nav')}</Link>,
              },
            ]
          : []),
        {
          key: '/extensions',
          icon: <FieldTimeOutlined />,
          label: <Link to="/extensions">{t('extensions.nav')}</Link>,
        },
        {
          key: '/coordination',
          icon: <SwapOutlined />,
          label: <Link to="/coordination">{t('coordination.nav')}</Link>,
        },
      ],
    },
    {
      key: 'closing-loop-group',
      type: 'group' as const,
      label: inlineCollapsed ? null : t('nav.closingLoop'),
      children: [
        ...(hasAnyRole(user, ['supervisor', 'admin', 'leader', 'auditor'])
          ? [
              {
                key: '/assessment',
                icon: <BarChartOutlined />,
                label: <Link to="/assessment">{t('assessment.nav')}</Link>,
              },
            ]
          : []),
        {
          key: '/rectifications',
          icon: <ToolOutlined />,
          label: <Link to="/rectifications">{t('rectifications.nav')}</Link>,
        },
        { key: '/cases', icon: <BookOutlined />, label: <Link to="/cases">{t('cases.nav')}</Link> },
        {
          key: '/bulletins',
          icon: <NotificationOutlined />,
          label: <Link to="/bulletins">{t('bulletins.nav')}</Link>,
        },
        ...(hasAnyRole(user, ['leader', 'supervisor', 'admin', 'auditor'])
          ? [
              {
                key: '/status-reports',
                icon: <FileDoneOutlined />,
                label: <Link to="/status-reports">{t('statusReports.nav')}</Link>,
              },
            ]
          : []),
        {
          key: '/accountability',
          icon: <ExceptionOutlined />,
          label: <Link to="/accountability">{t('accountability.nav')}</Link>,
        },
        ...(hasAnyRole(user, ['supervisor', 'admin'])
          ? [
              {
                key: '/public-ratings',
                icon: <LikeOutlined />,
                label: <Link to="/public-ratings">{t('publicPage.nav')}</Link>,
              },
            ]
          : []),
      ],
    },
    ...(hasAnyRole(user, ['supervisor', 'admin'])
      ? [{ key: '/sources', icon: <FileTextOutlined />, label: <Link to="/sources">{t('nav.sources')}</Link> }]
      : []),
    ...(hasAnyRole(user, ['supervisor', 'admin'])
      ? [
          {
            key: '/imports/document',
            icon: <ImportOutlined />,
            label: <Link to="/imports/document">{t('imports.nav')}</Link>,
          },
        ]
      : []),
    { key: '/settings', icon: <SettingOutlined />, label: <Link to="/settings">{t('nav.settings')}</Link> },
  ];
  if (hasAnyRole(user, ['admin', 'auditor'])) {
    items.push({ key: '/audit', icon: <AuditOutlined />, label: <Link to="/audit">{t('nav.audit')}</Link> });
  }
  if (hasAnyRole(user, ['admin'])) {
    items.push({
      key: 'admin',
      type: 'group',
      label: inlineCollapsed ? null : t('nav.admin'),
      children: [
        { key: '/admin/units', icon: <ApartmentOutlined />, label: <Link to="/admin/units">{t('nav.units')}</Link> },
        { key: '/admin/users', icon: <TeamOutlined />, label: <Link to="/admin/users">{t('nav.users')}</Link> },
        {
          key: '/admin/calendar',
          icon: <CalendarOutlined />,
          label: <Link to="/admin/calendar">{t('nav.calendar')}</Link>,
        },
      ],
    });
  }
  return (
    <nav aria-label={t('nav.mainNavigation')}>
      <Menu
        mode="inline"
        inlineCollapsed={inlineCollapsed}
        selectedKeys={[selectedKey(pathname)]}
        items={items}
        style={{ borderInlineEnd: 'none' }}
      />
    </nav>
  );
}
