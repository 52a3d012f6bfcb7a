import type { Permission } from '@guanjia/shared';
import { type ReactNode, Suspense } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router-dom';
import { AuthProvider, useAuth } from './auth/AuthProvider';
import { PageSpinner } from './components/PageSpinner';
import { AppLayout } from './layout/AppLayout';
import * as Page from './lazyPages';
import { LiveProvider } from './live/LiveProvider';
import { homeRoleOf } from './pages/home/homeRole';

function Session() {
  return (
    <AuthProvider>
      <Outlet />
    </AuthProvider>
  );
}

function RequireAuth() {
  const { user, loading } = useAuth();
  const location = useLocation();
  if (loading) return <PageSpinner />;
  if (!user)
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return (
    <LiveProvider enabled>
      <Outlet />
    </LiveProvider>
  );
}

/**
 * Each role lands on its own home (issue 13): field staff on their phone view, 座席 on their desk, 班长 on
 * the team queue, 主管/项目经理 on today's KPIs, everyone else on the general dashboard.
 */
function Home() {
  const { can } = useAuth();
  const role = homeRoleOf(can);
  if (role === 'technician') return <Navigate to="/tech" replace />;
  const page = {
    manager: <Page.ManagerHome />,
    lead: <Page.LeadHome />,
    agent: <Page.AgentHome />,
    general: <Page.DashboardPage />,
  }[role];
  return <Guard>{page}</Guard>;
}

const guarded = (path: string, permission: Permission, element: ReactNode) => ({
  path,
  element: <Guard permission={permission}>{element}</Guard>,
});

function Guard({ permission, children }: { permission?: Permission; children: ReactNode }) {
  const { can } = useAuth();
  return (
    <Suspense fallback={<PageSpinner />}>
      {permission && !can(permission) ? <Page.Forbidden /> : children}
    </Suspense>
  );
}

export const router = createBrowserRouter([
  // 满意度调查's SMS link: the household's token, no session (issue 19).
  {
    path: '/portal/s/:token',
    element: (
      <Suspense fallback={<PageSpinner />}>
        <Page.SurveyLinkPage />
      </Suspense>
    ),
  },
  // The resident portal: outside the staff session, so a resident never meets the console login.
  {
    path: '/portal/*',
    element: (
      <Suspense fallback={<PageSpinner />}>
        <Page.PortalApp />
      </Suspense>
    ),
  },
  // 测试支付: the payer's phone, without any session (sandbox orders only; refused in production).
  {
    path: '/pay/sandbox/:outTradeNo',
    element: (
      <Suspense fallback={<PageSpinner />}>
        <Page.SandboxPayPage />
      </Suspense>
    ),
  },
  {
    element: <Session />,
    children: [
      {
        path: '/login',
        element: (
          <Suspense fallback={<PageSpinner />}>
            <Page.LoginPage />
          </Suspense>
        ),
      },
      {
        path: '/',
        element: <RequireAuth />,
        children: [
          {
            path: 'tech',
            element: (
              <Guard permission="workorders.execute">
                <Page.TechLayout />
              </Guard>
            ),
            children: [
              { index: true, element: <Page.TechHomePage /> },
              { path: 'wo/:id', element: <Page.TechWorkOrderPage /> },
              { path: 'inspections', element: <Page.TechInspectionsPage /> },
              { path: 'inspections/:id', element: <Page.TechChecklistPage /> },
              { path: 'equipment/:id', element: <Page.TechEquipmentPage /> },
              { path: 'patrols', element: <Page.TechPatrolPage /> },
              {
                path: 'emergency',
                element: (
                  <Guard permission="emergencies.report">
                    <Page.TechEmergencyPage />
                  </Guard>
                ),
              },
            ],
          },
          // The wall TV: the board alone, without the console's menus.
          guarded('wallboard/tv', 'calls.read', <Page.WallboardTvPage />),
          // Phone-sized, without the console's menus: the inspection form and 我的整改.
          guarded('quality/inspect/:id', 'quality.read', <Page.QiInspectPage />),
          guarded('quality/my', 'rectifications.handle', <Page.QiMyRectificationsPage />),
          guarded('quality/mobile', 'quality.inspect', <Page.QiMobilePage />),
          // 数据大屏: the control-room TV, without the console's menus.
          guarded('analytics/screen', 'analytics.read', <Page.ScreenPage />),
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <Home /> },
              guarded('tickets/new', 'tickets.write', <Page.IntakePage />),
              guarded('tickets', 'tickets.read', <Page.TicketListPage />),
              guarded('tickets/:id', 'tickets.read', <Page.TicketDetailPage />),
              guarded('dispatch', 'tickets.dispatch', <Page.DispatchBoardPage />),
              guarded('callbacks', 'callbacks.write', <Page.CallbackQueuePage />),
              guarded('complaints', 'tickets.read', <Page.ComplaintsPage />),
              guarded('assets/equipment', 'assets.read', <Page.EquipmentPage />),
              guarded('assets/plans', 'assets.read', <Page.PlansPage />),
              guarded('assets/tasks', 'assets.read', <Page.TasksPage />),
              guarded('assets/report', 'assets.read', <Page.MaintenanceReportPage />),
              guarded('engineering/patrol', 'assets.read', <Page.PatrolRoutesPage />),
              guarded('engineering/stock', 'assets.read', <Page.MaterialsPage />),
              guarded('engineering/stocktakes', 'assets.read', <Page.StocktakesPage />),
              guarded('engineering/materials-report', 'assets.read', <Page.MaterialsReportPage />),
              guarded('engineering/contractors', 'assets.read', <Page.ContractorsPage />),
              guarded('frontdesk/decorations', 'desk.read', <Page.DecorationsPage />),
              guarded('frontdesk/move-ins', 'desk.read', <Page.MoveInsPage />),
              guarded('frontdesk/bookings', 'desk.read', <Page.BookingsPage />),
              guarded('billing/arrears', 'billing.read', <Page.ArrearsPage />),
              guarded('billing/campaigns', 'billing.read', <Page.CampaignsPage />),
              guarded('billing/attempts', 'billing.read', <Page.AttemptsPage />),
              guarded('billing/door-collections', 'billing.read', <Page.DoorCollectionsPage />),
              guarded('billing/reports', 'billing.read', <Page.BillingReportsPage />),
              guarded('billing/cashier', 'billing.cashier', <Page.CashierPage />),
              guarded('billing/payments', 'billing.read', <Page.PaymentsPage />),
              guarded('billing/cashier-report', 'billing.read', <Page.CashierReportPage />),
              guarded('billing/refunds', 'billing.read', <Page.RefundsPage />),
              guarded('billing/fee-items', 'billing.read', <Page.FeeItemsPage />),
              guarded('billing/readings', 'billing.read', <Page.ReadingsPage />),
              guarded('billing/runs', 'billing.read', <Page.BillingRunsPage />),
              guarded('billing/bills', 'billing.read', <Page.BillsPage />),
              guarded('settings/departments', 'tickets.read', <Page.DepartmentsPage />),
              guarded('settings/triage', 'triage.manage', <Page.TriageSettingsPage />),
              guarded('incidents', 'incidents.read', <Page.IncidentsPage />),
              guarded('zones', 'estate.read', <Page.ZonesPage />),
              guarded('surveys', 'surveys.read', <Page.SurveysPage />),
              guarded('surveys/:id', 'surveys.read', <Page.CampaignPage />),
              guarded('visits', 'residents.read', <Page.VisitsPage />),
              guarded('emergencies', 'emergencies.report', <Page.EmergencyBoardPage />),
              guarded('emergencies/:id', 'emergencies.report', <Page.EmergencyPage />),
              guarded('emergency-plans', 'emergencies.report', <Page.EmergencyPlansPage />),
              guarded('duty-roster', 'emergencies.report', <Page.DutyRosterPage />),
              guarded('drills', 'emergencies.report', <Page.DrillsPage />),
              guarded('reports/emergencies', 'reports.read', <Page.EmergencyReportPage />),
              guarded('frontdesk/visitors', 'desk.read', <Page.VisitorsPage />),
              guarded('frontdesk/parcels', 'desk.read', <Page.ParcelsPage />),
              guarded('frontdesk/releases', 'desk.read', <Page.ReleasesPage />),
              guarded('frontdesk/keys', 'desk.read', <Page.KeysPage />),
              guarded('frontdesk/loans', 'desk.read', <Page.LoansPage />),
              guarded('frontdesk/gate', 'gate.verify', <Page.GatePage />),
              guarded('quality/sheets', 'quality.read', <Page.QiSheetsPage />),
              guarded('quality/plans', 'quality.read', <Page.QiPlansPage />),
              guarded('quality/inspections', 'quality.read', <Page.QiInspectionsPage />),
              guarded('quality/rectifications', 'rectifications.handle', <Page.QiRectificationsPage />),
              guarded('quality/campaigns', 'quality.read', <Page.QiCampaignsPage />),
              guarded('reports/quality', 'quality.read', <Page.QiReportPage />),
              guarded('analytics/health', 'analytics.read', <Page.HealthPage />),
              guarded('analytics/:dashboard', 'analytics.read', <Page.AnalyticsDashboardPage />),
              guarded('notices', 'notices.read', <Page.NoticesPage />),
              guarded('message-templates', 'notices.read', <Page.TemplatesPage />),
              guarded('broadcast-approvals', 'notices.read', <Page.ApprovalsPage />),
              guarded('sla/policies', 'sla.manage', <Page.SlaPoliciesPage />),
              guarded('sla/calendars', 'sla.manage', <Page.CalendarsPage />),
              guarded('sla/dispatch-rules', 'sla.manage', <Page.DispatchRulesPage />),
              guarded('reports/sla', 'reports.read', <Page.SlaReportPage />),
              guarded('calls', 'calls.read', <Page.CallsPage />),
              guarded('wallboard', 'calls.read', <Page.WallboardPage />),
              guarded('knowledge', 'kb.read', <Page.KnowledgePage />),
              guarded('knowledge/expert', 'kb.expert', <Page.ExpertQueuePage />),
              guarded('knowledge/synonyms', 'kb.read', <Page.SynonymsPage />),
              guarded('telephony', 'telephony.manage', <Page.PbxLinkPage />),
              guarded('queues', 'calls.read', <Page.QueuesPage />),
              guarded('ivr', 'telephony.manage', <Page.IvrPage />),
              guarded('quality', 'qa.review', <Page.QualityPage />),
              guarded('my-quality', 'tickets.write', <Page.MyQualityPage />),
              guarded('residents/bindings', 'portal.bindings', <Page.BindingsPage />),
              {
                path: 'estate',
                element: (
                  <Guard permission="estate.read">
                    <Page.EstatePage />
                  </Guard>
                ),
              },
              {
                path: 'residents',
                element: (
                  <Guard permission="residents.read">
                    <Page.ResidentListPage />
                  </Guard>
                ),
              },
              {
                path: 'residents/new',
                element: (
                  <Guard permission="residents.write">
                    <Page.ResidentCreatePage />
                  </Guard>
                ),
              },
              {
                path: 'residents/:id',
                element: (
                  <Guard permission="residents.read">
                    <Page.ResidentDetailPage />
                  </Guard>
                ),
              },
              {
                path: 'staff',
                element: (
                  <Guard permission="staff.read">
                    <Page.StaffPage />
                  </Guard>
                ),
              },
              {
                path: 'roles',
                element: (
                  <Guard permission="staff.read">
                    <Page.RolesPage />
                  </Guard>
                ),
              },
              {
                path: 'imports',
                element: (
                  <Guard permission="import.run">
                    <Page.ImportPage />
                  </Guard>
                ),
              },
              {
                path: 'settings',
                element: (
                  <Guard permission="settings.read">
                    <Page.SettingsPage />
                  </Guard>
                ),
              },
              { path: 'me/notifications', element: <Page.MyChannelsPage /> },
              {
                path: 'audit',
                element: (
                  <Guard permission="audit.read">
                    <Page.AuditPage />
                  </Guard>
                ),
              },
              {
                path: '*',
                element: (
                  <Guard>
                    <Page.NotFound />
                  </Guard>
                ),
              },
            ],
          },
        ],
      },
    ],
  },
]);
