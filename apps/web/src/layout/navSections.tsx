import {
  AccountBookOutlined,
  AlertOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CarOutlined,
  CarryOutOutlined,
  FileTextOutlined,
  InboxOutlined,
  MobileOutlined,
  NodeIndexOutlined,
  PayCircleOutlined,
  PhoneOutlined,
  ProfileOutlined,
  RollbackOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import type { TFunction } from 'i18next';
import type { NavItem } from './navTypes';

// The side menu's newer groups, each one function of the translator, kept apart from navItems.tsx.

/** 应急管理 (issue 17). */
export function emergencySection(t: TFunction): NavItem {
  return {
    key: 'emergencies',
    icon: <AlertOutlined />,
    label: t('emergencies.nav.group'),
    permission: 'emergencies.report',
    children: [
      {
        key: '/emergencies',
        icon: <AlertOutlined />,
        label: t('emergencies.nav.board'),
        permission: 'emergencies.report',
      },
      {
        key: '/emergency-plans',
        icon: <FileTextOutlined />,
        label: t('emergencies.nav.plans'),
        permission: 'emergencies.report',
      },
      {
        key: '/duty-roster',
        icon: <CalendarOutlined />,
        label: t('emergencies.nav.roster'),
        permission: 'emergencies.report',
      },
      {
        key: '/drills',
        icon: <SafetyCertificateOutlined />,
        label: t('emergencies.nav.drills'),
        permission: 'emergencies.report',
      },
      {
        key: '/reports/emergencies',
        icon: <BarChartOutlined />,
        label: t('emergencies.nav.report'),
        permission: 'reports.read',
      },
    ],
  };
}

/** 收费中心 (issue 15). */
export function billingSection(t: TFunction): NavItem {
  return {
    key: 'billing',
    icon: <AccountBookOutlined />,
    label: t('billing.nav.group'),
    children: [
      {
        key: '/billing/cashier',
        icon: <PayCircleOutlined />,
        label: t('payments.nav.cashier'),
        permission: 'billing.cashier',
      },
      {
        key: '/billing/payments',
        icon: <ProfileOutlined />,
        label: t('payments.nav.records'),
        permission: 'billing.read',
      },
      {
        key: '/billing/cashier-report',
        icon: <BarChartOutlined />,
        label: t('payments.nav.report'),
        permission: 'billing.read',
      },
      {
        key: '/billing/refunds',
        icon: <RollbackOutlined />,
        label: t('payments.nav.refunds'),
        permission: 'billing.read',
      },
      {
        key: '/billing/bills',
        icon: <ProfileOutlined />,
        label: t('billing.nav.bills'),
        permission: 'billing.read',
      },
      {
        key: '/billing/runs',
        icon: <CalendarOutlined />,
        label: t('billing.nav.runs'),
        permission: 'billing.read',
      },
      {
        key: '/billing/readings',
        icon: <MobileOutlined />,
        label: t('billing.nav.readings'),
        permission: 'billing.read',
      },
      {
        key: '/billing/fee-items',
        icon: <SettingOutlined />,
        label: t('billing.nav.feeItems'),
        permission: 'billing.read',
      },
      {
        key: '/billing/arrears',
        icon: <AccountBookOutlined />,
        label: t('collection.nav.arrears'),
        permission: 'billing.read',
      },
      {
        key: '/billing/campaigns',
        icon: <ScheduleOutlined />,
        label: t('collection.nav.campaigns'),
        permission: 'billing.read',
      },
      {
        key: '/billing/attempts',
        icon: <PhoneOutlined />,
        label: t('collection.nav.attempts'),
        permission: 'billing.read',
      },
      {
        key: '/billing/door-collections',
        icon: <CarOutlined />,
        label: t('collection.nav.door'),
        permission: 'billing.read',
      },
      {
        key: '/billing/reports',
        icon: <BarChartOutlined />,
        label: t('collection.nav.reports'),
        permission: 'billing.read',
      },
    ],
  };
}

/** 工程管理 (issue 16). */
export function engineeringSection(t: TFunction): NavItem {
  return {
    key: 'assets',
    icon: <ToolOutlined />,
    label: t('assets.nav.section'),
    permission: 'assets.read',
    children: [
      {
        key: '/assets/equipment',
        icon: <ToolOutlined />,
        label: t('assets.nav.equipment'),
        permission: 'assets.read',
      },
      {
        key: '/assets/plans',
        icon: <CalendarOutlined />,
        label: t('assets.nav.plans'),
        permission: 'assets.read',
      },
      {
        key: '/assets/tasks',
        icon: <ProfileOutlined />,
        label: t('assets.nav.tasks'),
        permission: 'assets.read',
      },
      {
        key: '/assets/report',
        icon: <BarChartOutlined />,
        label: t('assets.nav.report'),
        permission: 'assets.read',
      },
      {
        key: '/engineering/patrol',
        icon: <NodeIndexOutlined />,
        label: t('patrol.nav.routes'),
        permission: 'assets.read',
      },
      {
        key: '/engineering/stock',
        icon: <InboxOutlined />,
        label: t('stock.nav.materials'),
        permission: 'assets.read',
      },
      {
        key: '/engineering/stocktakes',
        icon: <CarryOutOutlined />,
        label: t('stock.nav.stocktakes'),
        permission: 'assets.read',
      },
      {
        key: '/engineering/materials-report',
        icon: <BarChartOutlined />,
        label: t('stock.nav.report'),
        permission: 'assets.read',
      },
      {
        key: '/engineering/contractors',
        icon: <ShopOutlined />,
        label: t('contractors.nav.list'),
        permission: 'assets.read',
      },
    ],
  };
}
