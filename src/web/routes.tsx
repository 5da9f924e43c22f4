import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { prefetchCockpit } from './api/cockpit.api.js';
import { RequireAuth, RequireRole } from './auth/require-auth.js';
import { AppShell } from './components/app-shell.js';
import { NotFoundResult } from './components/status-results.js';
import { HomePage } from './pages/home-page.js';
import { LoginPage } from './pages/login-page.js';

// Loaded on demand (the shell suspends around its outlet), so a unit clerk's phone never
// downloads the admin screens.
const AuditPage = lazy(async () => ({ default: (await import('./pages/audit/audit-page.js')).AuditPage }));
const SettingsPage = lazy(async () => ({ default: (await import('./pages/settings/settings-page.js')).SettingsPage }));
const UnitsPage = lazy(async () => ({ default: (await import('./pages/units/units-page.js')).UnitsPage }));
const CalendarPage = lazy(async () => ({ default: (await import('./pages/calendar/calendar-page.js')).CalendarPage }));
const UsersPage = lazy(async () => ({ default: (await import('./pages/users/users-page.js')).UsersPage }));
const TasksPage = lazy(async () => ({ default: (await import('./pages/tasks/tasks-page.js')).TasksPage }));
const TaskDetailPage = lazy(async () => ({
  default: (await import('./pages/tasks/task-detail-page.js')).TaskDetailPage,
}));
const TaskRegisterPage = lazy(async () => ({
  default: (await import('./pages/tasks/task-register-page.js')).TaskRegisterPage,
}));
const InboxPage = lazy(async () => ({ default: (await import('./pages/inbox/inbox-page.js')).InboxPage }));
const SourcesPage = lazy(async () => ({ default: (await import('./pages/sources/sources-page.js')).SourcesPage }));
const DocumentImportPage = lazy(async () => ({
  default: (await import('./pages/imports/document-import-page.js')).DocumentImportPage,
}));
const NotificationsPage = lazy(async () => ({
  default: (await import('./pages/notifications/notifications-page.js')).NotificationsPage,
}));
const NotificationPrefsPage = lazy(async () => ({
  default: (await import('./pages/notifications/notification-prefs-page.js')).NotificationPrefsPage,
}));
const ReviewsPage = lazy(async () => ({ default: (await import('./pages/reviews/reviews-page.js')).ReviewsPage }));
const ReportPage = lazy(async () => ({ default: (await import('./pages/reports/report-page.js')).ReportPage }));
const ReportEditPage = lazy(async () => ({
  default: (await import('./pages/reports/report-edit-page.js')).ReportEditPage,
}));
const ReportComparePage = lazy(async () => ({
  default: (await import('./pages/reports/report-compare-page.js')).ReportComparePage,
}));
const DeskPage = lazy(async () => ({ default: (await import('./pages/supervision/desk-page.js')).DeskPage }));
const ExtensionsPage = lazy(async () => ({
  default: (await import('./pages/extensions/extensions-page.js')).ExtensionsPage,
}));
const InstructionsPage = lazy(async () => ({
  default: (await import('./pages/instructions/instructions-page.js')).InstructionsPage,
}));
const NoticesPage = lazy(async () => ({ default: (await import('./pages/notices/notices-page.js')).NoticesPage }));
const NoticePrintPage = lazy(async () => ({
  default: (await import('./pages/notices/notice-print-page.js')).NoticePrintPage,
}));

const CoordinationPage = lazy(async () => ({
  default: (await import('./pages/coordination/coordination-page.js')).CoordinationPage,
}));

const AssessmentPage = lazy(async () => ({
  default: (await import('./pages/assessment/assessment-page.js')).AssessmentPage,
}));
const AssessmentPeriodPage = lazy(async () => ({
  default: (await import('./pages/assessment/assessment-period-page.js')).AssessmentPeriodPage,
}));
const ReviewWorksheetPage = lazy(async () => ({
  default: (await import('./pages/review/review-worksheet-page.js')).ReviewWorksheetPage,
}));
const RectificationsPage = lazy(async () => ({
  default: (await import('./pages/rectifications/rectifications-page.js')).RectificationsPage,
}));
const CockpitPage = lazy(async () => {
  // The figures are fetched while the page's code loads.
  prefetchCockpit(window.location.search);
  return { default: (await import('./pages/cockpit/cockpit-page.js')).CockpitPage };
});
const PortfolioPage = lazy(async () => ({
  default: (await import('./pages/portfolio/portfolio-page.js')).PortfolioPage,
}));
const CasesPage = lazy(async () => ({
  default: (await import('./pages/cases/cases-page.js')).CasesPage,
}));
const CasePage = lazy(async () => ({
  default: (await import('./pages/cases/case-page.js')).CasePage,
}));
const PublicRatingsPage = lazy(async () => ({
  default: (await import('./pages/public-ratings/public-ratings-page.js')).PublicRatingsPage,
}));
const BulletinsPage = lazy(async () => ({
  default: (await import('./pages/bulletins/bulletins-page.js')).BulletinsPage,
}));
const BulletinPage = lazy(async () => ({
  default: (await import('./pages/bulletins/bulletin-page.js')).BulletinPage,
}));
const BulletinPrintPage = lazy(async () => ({
  default: (await import('./pages/bulletins/bulletin-print-page.js')).BulletinPrintPage,
}));
const StatusReportsPage = lazy(async () => ({
  default: (await import('./pages/status-reports/status-reports-page.js')).StatusReportsPage,
}));
const StatusReportSchedulesPage = lazy(async () => ({
  default: (await import('./pages/status-reports/status-report-schedules-page.js')).StatusReportSchedulesPage,
}));
const AccountabilityPage = lazy(async () => ({
  default: (await import('./pages/accountability/accountability-page.js')).AccountabilityPage,
}));
const AccountabilityRecordPage = lazy(async () => ({
  default: (await import('./pages/accountability/accountability-record-page.js')).AccountabilityRecordPage,
}));

/** Every address the UI answers. */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    // A notice on an A4 sheet, without the app's menu and header, for printing from the browser.
    path: '/notices/:id/print',
    element: (
      <RequireAuth>
        <Suspense fallback={null}>
          <NoticePrintPage />
        </Suspense>
      </RequireAuth>
    ),
  },
  {
    // A bulletin on A4 sheets, for printing from the browser.
    path: '/bulletins/:id/print',
    element: (
      <RequireAuth>
        <Suspense fallback={null}>
          <BulletinPrintPage />
        </Suspense>
      </RequireAuth>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      {
        path: 'cockpit',
        element: (
          <RequireRole roles={['leader', 'supervisor', 'admin', 'auditor']}>
            <CockpitPage />
          </RequireRole>
        ),
      },
      { path: 'inbox', element: <InboxPage /> },
      {
        path: 'portfolio',
        element: (
          <RequireRole roles={['leader', 'supervisor', 'admin']}>
            <PortfolioPage />
          </RequireRole>
        ),
      },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'notifications/preferences', element: <NotificationPrefsPage /> },
      {
        path: 'reviews',
        element: (
          <RequireRole roles={['supervisor', 'admin', 'unit_head', 'leader']}>
            <ReviewsPage />
          </RequireRole>
        ),
      },
      {
        path: 'supervision',
        element: (
          <RequireRole roles={['supervisor', 'admin']}>
            <DeskPage />
          </RequireRole>
        ),
      },
      { path: 'tasks', element: <TasksPage /> },
      {
        path: 'tasks/new',
        element: (
          <RequireRole roles={['supervisor', 'admin']}>
            <TaskRegisterPage />
          </RequireRole>
        ),
      },
      { path: 'tasks/:id', element: <TaskDetailPage /> },
      { path: 'extensions', element: <ExtensionsPage /> },
      { path: 'coordination', element: <CoordinationPage /> },
      { path: 'instructions', element: <InstructionsPage /> },
      { path: 'notices', element: <NoticesPage /> },
      {
        path: 'assessment',
        element: (
          <RequireRole roles={['supervisor', 'admin', 'leader', 'auditor']}>
            <AssessmentPage />
          </RequireRole>
        ),
      },
      {
        path: 'assessment/:id',
        element: (
          <RequireRole roles={['supervisor', 'admin', 'leader', 'auditor']}>
            <AssessmentPeriodPage />
          </RequireRole>
        ),
      },
      {
        path: 'assessment/:id/review',
        element: (
          <RequireRole roles={['supervisor', 'admin', 'leader', 'auditor']}>
            <ReviewWorksheetPage />
          </RequireRole>
        ),
      },
      { path: 'rectifications', element: <RectificationsPage /> },
      { path: 'cases', element: <CasesPage /> },
      { path: 'cases/:id', element: <CasePage /> },
      { path: 'bulletins', element: <BulletinsPage /> },
      { path: 'bulletins/:id', element: <BulletinPage /> },
      // 落实情况报告: anyone signed in, scoped by the server; the schedules are the supervision office's.
      { path: 'status-reports', element: <StatusReportsPage /> },
      {
        path: 'status-reports/schedules',
        element: (
          <RequireRole roles={['supervisor', 'admin']}>
            <StatusReportSchedulesPage />
          </RequireRole>
        ),
      },
      { path: 'accountability', element: <AccountabilityPage /> },
      { path: 'accountability/:id', element: <AccountabilityRecordPage /> },
      {
        path: 'public-ratings',
        element: (
          <RequireRole roles={['supervisor', 'admin']}>
            <PublicRatingsPage />
          </RequireRole>
        ),
      },
      { path: 'reports/:id', element: <ReportPage /> },
      { path: 'reports/:id/edit', element: <ReportEditPage /> },
      { path: 'reports/:id/compare/:otherId', element: <ReportComparePage /> },
      {
        path: 'sources',
        element: (
          <RequireRole roles={['supervisor', 'admin']}>
            <SourcesPage />
          </RequireRole>
        ),
      },
      {
        path: 'imports/document',
        element: (
          <RequireRole roles={['supervisor', 'admin']}>
            <DocumentImportPage />
          </RequireRole>
        ),
      },
      { path: 'settings', element: <SettingsPage /> },
      {
        path: 'admin/units',
        element: (
          <RequireRole roles={['admin']}>
            <UnitsPage />
          </RequireRole>
        ),
      },
      {
        path: 'admin/users',
        element: (
          <RequireRole roles={['admin']}>
            <UsersPage />
          </RequireRole>
        ),
      },
      {
        path: 'admin/calendar',
        element: (
          <RequireRole roles={['admin']}>
            <CalendarPage />
          </RequireRole>
        ),
      },
      {
        path: 'audit',
        element: (
          <RequireRole roles={['admin', 'auditor']}>
            <AuditPage />
          </RequireRole>
        ),
      },
      { path: '*', element: <NotFoundResult /> },
    ],
  },
]);
