import type { Permission } from '@guanjia/shared';
import { Result } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router-dom';
import { AuthProvider, useAuth } from './auth/AuthProvider';
import { PageSpinner } from './components/PageSpinner';
import { AppLayout } from './layout/AppLayout';
import { LiveProvider } from './live/LiveProvider';
import { homeRoleOf } from './pages/home/homeRole';

const LoginPage = lazy(() => import('./pages/LoginPage'));
const DashboardPage = lazy(() => import('./pages/DashboardPage'));
const AgentHome = lazy(() => import('./pages/home/AgentHome'));
const LeadHome = lazy(() => import('./pages/home/LeadHome'));
const ManagerHome = lazy(() => import('./pages/home/ManagerHome'));
const EstatePage = lazy(() => import('./pages/estate/EstatePage'));
const ResidentListPage = lazy(() => import('./pages/residents/ResidentListPage'));
const ResidentDetailPage = lazy(() => import('./pages/residents/ResidentDetailPage'));
const ResidentCreatePage = lazy(() => import('./pages/residents/ResidentCreatePage'));
const BindingsPage = lazy(() => import('./pages/residents/BindingsPage'));
const StaffPage = lazy(() => import('./pages/staff/StaffPage'));
const RolesPage = lazy(() => import('./pages/staff/RolesPage'));
const ImportPage = lazy(() => import('./pages/imports/ImportPage'));
const SettingsPage = lazy(() => import('./pages/settings/SettingsPage'));
const MyChannelsPage = lazy(() => import('./pages/me/MyChannelsPage'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage'));
const IntakePage = lazy(() => import('./pages/tickets/IntakePage'));
const TicketListPage = lazy(() => import('./pages/tickets/TicketListPage'));
const TicketDetailPage = lazy(() => import('./pages/tickets/TicketDetailPage'));
const DispatchBoardPage = lazy(() => import('./pages/dispatch/DispatchBoardPage'));
const CallbackQueuePage = lazy(() => import('./pages/callbacks/CallbackQueuePage'));
const SlaPoliciesPage = lazy(() => import('./pages/sla/SlaPoliciesPage'));
const CalendarsPage = lazy(() => import('./pages/sla/CalendarsPage'));
const DispatchRulesPage = lazy(() => import('./pages/sla/DispatchRulesPage'));
const SlaReportPage = lazy(() => import('./pages/sla/SlaReportPage'));
const IncidentsPage = lazy(() => import('./pages/incidents/IncidentsPage'));
const NoticesPage = lazy(() => import('./pages/notices/NoticesPage'));
const TemplatesPage = lazy(() => import('./pages/broadcasts/TemplatesPage'));
const ApprovalsPage = lazy(() => import('./pages/broadcasts/ApprovalsPage'));
const PortalApp = lazy(() => import('./portal/PortalApp'));
const CallsPage = lazy(() => import('./pages/callcenter/CallsPage'));
const WallboardPage = lazy(() => import('./pages/callcenter/WallboardPage'));
const WallboardTvPage = lazy(() => import('./pages/callcenter/WallboardTvPage'));
const PbxLinkPage = lazy(() => import('./pages/telephony/PbxLinkPage'));
const QueuesPage = lazy(() => import('./pages/telephony/QueuesPage'));
const SynonymsPage = lazy(() => import('./pages/knowledge/SynonymsPage'));
const KnowledgePage = lazy(() => import('./pages/callcenter/KnowledgePage'));
const ExpertQueuePage = lazy(() => import('./pages/callcenter/ExpertQueuePage'));
const IvrPage = lazy(() => import('./pages/callcenter/IvrPage'));
const QualityPage = lazy(() => import('./pages/quality/QualityPage'));
const MyQualityPage = lazy(() => import('./pages/quality/MyQualityPage'));
const TechLayout = lazy(() => import('./pages/tech/TechLayout'));
const TechHomePage = lazy(() => import('./pages/tech/TechHomePage'));
const TechEmergencyPage = lazy(() => import('./pages/tech/TechEmergencyPage'));
const EmergencyBoardPage = lazy(() => import('./pages/emergencies/EmergencyBoardPage'));
const EmergencyPage = lazy(() => import('./pages/emergencies/EmergencyPage'));
const EmergencyPlansPage = lazy(() => import('./pages/emergencies/PlansPage'));
const DutyRosterPage = lazy(() => import('./pages/emergencies/RosterPage'));
const DrillsPage = lazy(() => import('./pages/emergencies/DrillsPage'));
const EmergencyReportPage = lazy(() => import('./pages/emergencies/EmergencyReportPage'));
const TechWorkOrderPage = lazy(() => import('./pages/tech/TechWorkOrderPage'));
const ComplaintsPage = lazy(() => import('./pages/complaints/ComplaintsPage'));
const EquipmentPage = lazy(() => import('./pages/assets/EquipmentPage'));
const PlansPage = lazy(() => import('./pages/assets/PlansPage'));
const TasksPage = lazy(() => import('./pages/assets/TasksPage'));
const MaintenanceReportPage = lazy(() => import('./pages/assets/MaintenanceReportPage'));
const TechInspectionsPage = lazy(() => import('./pages/tech/inspections/TechInspectionsPage'));
const TechEquipmentPage = lazy(() => import('./pages/tech/inspections/TechEquipmentPage'));
const TechChecklistPage = lazy(() => import('./pages/tech/inspections/TechChecklistPage'));
const DepartmentsPage = lazy(() => import('./pages/settings/DepartmentsPage'));
const TechPatrolPage = lazy(() => import('./pages/patrol/TechPatrolPage'));
const PatrolRoutesPage = lazy(() => import('./pages/patrol/PatrolRoutesPage'));
const MaterialsPage = lazy(() => import('./pages/stock/MaterialsPage'));
const StocktakesPage = lazy(() => import('./pages/stock/StocktakesPage'));
const MaterialsReportPage = lazy(() => import('./pages/stock/MaterialsReportPage'));
const ContractorsPage = lazy(() => import('./pages/contractors/ContractorsPage'));
const CashierPage = lazy(() => import('./pages/billing/CashierPage'));
const PaymentsPage = lazy(() => import('./pages/billing/PaymentsPage'));
const CashierReportPage = lazy(() => import('./pages/billing/CashierReportPage'));
const RefundsPage = lazy(() => import('./pages/billing/RefundsPage'));
const SandboxPayPage = lazy(() => import('./pages/billing/SandboxPayPage'));
const FeeItemsPage = lazy(() => import('./pages/billing/FeeItemsPage'));
const ReadingsPage = lazy(() => import('./pages/billing/ReadingsPage'));
const BillingRunsPage = lazy(() => import('./pages/billing/RunsPage'));
const BillsPage = lazy(() => import('./pages/billing/BillsPage'));
const ArrearsPage = lazy(() => import('./pages/billing/ArrearsPage'));
const CampaignsPage = lazy(() => import('./pages/billing/CampaignsPage'));
const AttemptsPage = lazy(() => import('./pages/billing/AttemptsPage'));
const DoorCollectionsPage = lazy(() => import('./pages/billing/DoorCollectionsPage'));
const BillingReportsPage = lazy(() => import('./pages/billing/BillingReportsPage'));

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
    manager: <ManagerHome />,
    lead: <LeadHome />,
    agent: <AgentHome />,
    general: <DashboardPage />,
  }[role];
  return <Guard>{page}</Guard>;
}

const guarded = (path: string, permission: Permission, element: ReactNode) => ({
  path,
  element: <Guard permission={permission}>{element}</Guard>,
});

function Forbidden() {
  const { t } = useTranslation();
  return <Result status="403" title="403" subTitle={t('errors.pageForbidden')} />;
}

export function NotFound() {
  const { t } = useTranslation();
  return <Result status="404" title="404" subTitle={t('errors.pageNotFound')} />;
}

function Guard({ permission, children }: { permission?: Permission; children: ReactNode }) {
  const { can } = useAuth();
  if (permission && !can(permission)) return <Forbidden />;
  return <Suspense fallback={<PageSpinner />}>{children}</Suspense>;
}

export const router = createBrowserRouter([
  // The resident portal: outside the staff session, so a resident never meets the console login.
  {
    path: '/portal/*',
    element: (
      <Suspense fallback={<PageSpinner />}>
        <PortalApp />
      </Suspense>
    ),
  },
  // 测试支付: the payer's phone, without any session (sandbox orders only; refused in production).
  {
    path: '/pay/sandbox/:outTradeNo',
    element: (
      <Suspense fallback={<PageSpinner />}>
        <SandboxPayPage />
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
            <LoginPage />
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
                <TechLayout />
              </Guard>
            ),
            children: [
              { index: true, element: <TechHomePage /> },
              { path: 'wo/:id', element: <TechWorkOrderPage /> },
              { path: 'inspections', element: <TechInspectionsPage /> },
              { path: 'inspections/:id', element: <TechChecklistPage /> },
              { path: 'equipment/:id', element: <TechEquipmentPage /> },
              { path: 'patrols', element: <TechPatrolPage /> },
              {
                path: 'emergency',
                element: (
                  <Guard permission="emergencies.report">
                    <TechEmergencyPage />
                  </Guard>
                ),
              },
            ],
          },
          // The wall TV: the board alone, without the console's menus.
          guarded('wallboard/tv', 'calls.read', <WallboardTvPage />),
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <Home /> },
              guarded('tickets/new', 'tickets.write', <IntakePage />),
              guarded('tickets', 'tickets.read', <TicketListPage />),
              guarded('tickets/:id', 'tickets.read', <TicketDetailPage />),
              guarded('dispatch', 'tickets.dispatch', <DispatchBoardPage />),
              guarded('callbacks', 'callbacks.write', <CallbackQueuePage />),
              guarded('complaints', 'tickets.read', <ComplaintsPage />),
              guarded('assets/equipment', 'assets.read', <EquipmentPage />),
              guarded('assets/plans', 'assets.read', <PlansPage />),
              guarded('assets/tasks', 'assets.read', <TasksPage />),
              guarded('assets/report', 'assets.read', <MaintenanceReportPage />),
              guarded('engineering/patrol', 'assets.read', <PatrolRoutesPage />),
              guarded('engineering/stock', 'assets.read', <MaterialsPage />),
              guarded('engineering/stocktakes', 'assets.read', <StocktakesPage />),
              guarded('engineering/materials-report', 'assets.read', <MaterialsReportPage />),
              guarded('engineering/contractors', 'assets.read', <ContractorsPage />),
              guarded('billing/arrears', 'billing.read', <ArrearsPage />),
              guarded('billing/campaigns', 'billing.read', <CampaignsPage />),
              guarded('billing/attempts', 'billing.read', <AttemptsPage />),
              guarded('billing/door-collections', 'billing.read', <DoorCollectionsPage />),
              guarded('billing/reports', 'billing.read', <BillingReportsPage />),
              guarded('billing/cashier', 'billing.cashier', <CashierPage />),
              guarded('billing/payments', 'billing.read', <PaymentsPage />),
              guarded('billing/cashier-report', 'billing.read', <CashierReportPage />),
              guarded('billing/refunds', 'billing.read', <RefundsPage />),
              guarded('billing/fee-items', 'billing.read', <FeeItemsPage />),
              guarded('billing/readings', 'billing.read', <ReadingsPage />),
              guarded('billing/runs', 'billing.read', <BillingRunsPage />),
              guarded('billing/bills', 'billing.read', <BillsPage />),
              guarded('settings/departments', 'tickets.read', <DepartmentsPage />),
              guarded('incidents', 'incidents.read', <IncidentsPage />),
              guarded('emergencies', 'emergencies.report', <EmergencyBoardPage />),
              guarded('emergencies/:id', 'emergencies.report', <EmergencyPage />),
              guarded('emergency-plans', 'emergencies.report', <EmergencyPlansPage />),
              guarded('duty-roster', 'emergencies.report', <DutyRosterPage />),
              guarded('drills', 'emergencies.report', <DrillsPage />),
              guarded('reports/emergencies', 'reports.read', <EmergencyReportPage />),
              guarded('notices', 'notices.read', <NoticesPage />),
              guarded('message-templates', 'notices.read', <TemplatesPage />),
              guarded('broadcast-approvals', 'notices.read', <ApprovalsPage />),
              guarded('sla/policies', 'sla.manage', <SlaPoliciesPage />),
              guarded('sla/calendars', 'sla.manage', <CalendarsPage />),
              guarded('sla/dispatch-rules', 'sla.manage', <DispatchRulesPage />),
              guarded('reports/sla', 'reports.read', <SlaReportPage />),
              guarded('calls', 'calls.read', <CallsPage />),
              guarded('wallboard', 'calls.read', <WallboardPage />),
              guarded('knowledge', 'kb.read', <KnowledgePage />),
              guarded('knowledge/expert', 'kb.expert', <ExpertQueuePage />),
              guarded('knowledge/synonyms', 'kb.read', <SynonymsPage />),
              guarded('telephony', 'telephony.manage', <PbxLinkPage />),
              guarded('queues', 'calls.read', <QueuesPage />),
              guarded('ivr', 'telephony.manage', <IvrPage />),
              guarded('quality', 'qa.review', <QualityPage />),
              guarded('my-quality', 'tickets.write', <MyQualityPage />),
              guarded('residents/bindings', 'portal.bindings', <BindingsPage />),
              {
                path: 'estate',
                element: (
                  <Guard permission="estate.read">
                    <EstatePage />
                  </Guard>
                ),
              },
              {
                path: 'residents',
                element: (
                  <Guard permission="residents.read">
                    <ResidentListPage />
                  </Guard>
                ),
              },
              {
                path: 'residents/new',
                element: (
                  <Guard permission="residents.write">
                    <ResidentCreatePage />
                  </Guard>
                ),
              },
              {
                path: 'residents/:id',
                element: (
                  <Guard permission="residents.read">
                    <ResidentDetailPage />
                  </Guard>
                ),
              },
              {
                path: 'staff',
                element: (
                  <Guard permission="staff.read">
                    <StaffPage />
                  </Guard>
                ),
              },
              {
                path: 'roles',
                element: (
                  <Guard permission="staff.read">
                    <RolesPage />
                  </Guard>
                ),
              },
              {
                path: 'imports',
                element: (
                  <Guard permission="import.run">
                    <ImportPage />
                  </Guard>
                ),
              },
              {
                path: 'settings',
                element: (
                  <Guard permission="settings.read">
                    <SettingsPage />
                  </Guard>
                ),
              },
              { path: 'me/notifications', element: <MyChannelsPage /> },
              {
                path: 'audit',
                element: (
                  <Guard permission="audit.read">
                    <AuditPage />
                  </Guard>
                ),
              },
              { path: '*', element: <NotFound /> },
            ],
          },
        ],
      },
    ],
  },
]);
