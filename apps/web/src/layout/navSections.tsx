import {
  AccountBookOutlined,
  AlertOutlined,
  ContainerOutlined,
  ProfileOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import type { TFunction } from 'i18next';
import type { NavItem } from './navTypes';

// The side menu's newer groups, each one function of the translator, kept apart from navItems.tsx.

/** 客户关系 (issue 19): zones and butlers, satisfaction surveys, visits and owner care. */
export function customerSection(t: TFunction): NavItem {
  return {
    key: 'customer',
    icon: <ProfileOutlined />,
    label: t('surveys.nav.group'),
    permission: 'residents.read',
    children: [
      {
        key: '/surveys',
        label: t('surveys.nav.surveys'),
        permission: 'surveys.read',
      },
      {
        key: '/visits',
        label: t('surveys.nav.visits'),
        permission: 'residents.read',
      },
      {
        key: '/zones',
        label: t('surveys.nav.zones'),
        permission: 'estate.read',
      },
    ],
  };
}

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
        label: t('emergencies.nav.board'),
        permission: 'emergencies.report',
      },
      {
        key: '/emergency-plans',
        label: t('emergencies.nav.plans'),
        permission: 'emergencies.report',
      },
      {
        key: '/duty-roster',
        label: t('emergencies.nav.roster'),
        permission: 'emergencies.report',
      },
      {
        key: '/drills',
        label: t('emergencies.nav.drills'),
        permission: 'emergencies.report',
      },
      {
        key: '/reports/emergencies',
        label: t('emergencies.nav.report'),
        permission: 'reports.read',
      },
    ],
  };
}

/** 前台服务 (issue 20): the desk's registers and the gate's phone page. */
export function frontdeskSection(t: TFunction): NavItem {
  return {
    key: 'frontdesk',
    icon: <ContainerOutlined />,
    label: t('frontdesk.nav.group'),
    children: [
      {
        key: '/frontdesk/visitors',
        label: t('frontdesk.nav.visitors'),
        permission: 'desk.read',
      },
      {
        key: '/frontdesk/parcels',
        label: t('frontdesk.nav.parcels'),
        permission: 'desk.read',
      },
      {
        key: '/frontdesk/releases',
        label: t('frontdesk.nav.releases'),
        permission: 'desk.read',
      },
      {
        key: '/frontdesk/keys',
        label: t('frontdesk.nav.keys'),
        permission: 'desk.read',
      },
      {
        key: '/frontdesk/loans',
        label: t('frontdesk.nav.loans'),
        permission: 'desk.read',
      },
      {
        key: '/frontdesk/gate',
        label: t('frontdesk.nav.gate'),
        permission: 'gate.verify',
      },
      {
        key: '/frontdesk/decorations',
        label: t('fds.nav.decorations'),
        permission: 'desk.read',
      },
      {
        key: '/frontdesk/move-ins',
        label: t('fds.nav.moveIns'),
        permission: 'desk.read',
      },
      {
        key: '/frontdesk/bookings',
        label: t('fds.nav.bookings'),
        permission: 'desk.read',
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
        label: t('payments.nav.cashier'),
        permission: 'billing.cashier',
      },
      {
        key: '/billing/payments',
        label: t('payments.nav.records'),
        permission: 'billing.read',
      },
      {
        key: '/billing/cashier-report',
        label: t('payments.nav.report'),
        permission: 'billing.read',
      },
      {
        key: '/billing/refunds',
        label: t('payments.nav.refunds'),
        permission: 'billing.read',
      },
      {
        key: '/billing/bills',
        label: t('billing.nav.bills'),
        permission: 'billing.read',
      },
      {
        key: '/billing/runs',
        label: t('billing.nav.runs'),
        permission: 'billing.read',
      },
      {
        key: '/billing/readings',
        label: t('billing.nav.readings'),
        permission: 'billing.read',
      },
      {
        key: '/billing/fee-items',
        label: t('billing.nav.feeItems'),
        permission: 'billing.read',
      },
      {
        key: '/billing/arrears',
        label: t('collection.nav.arrears'),
        permission: 'billing.read',
      },
      {
        key: '/billing/campaigns',
        label: t('collection.nav.campaigns'),
        permission: 'billing.read',
      },
      {
        key: '/billing/attempts',
        label: t('collection.nav.attempts'),
        permission: 'billing.read',
      },
      {
        key: '/billing/door-collections',
        label: t('collection.nav.door'),
        permission: 'billing.read',
      },
      {
        key: '/billing/reports',
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
        label: t('assets.nav.equipment'),
        permission: 'assets.read',
      },
      {
        key: '/assets/plans',
        label: t('assets.nav.plans'),
        permission: 'assets.read',
      },
      {
        key: '/assets/tasks',
        label: t('assets.nav.tasks'),
        permission: 'assets.read',
      },
      {
        key: '/assets/report',
        label: t('assets.nav.report'),
        permission: 'assets.read',
      },
      {
        key: '/engineering/patrol',
        label: t('patrol.nav.routes'),
        permission: 'assets.read',
      },
      {
        key: '/engineering/stock',
        label: t('stock.nav.materials'),
        permission: 'assets.read',
      },
      {
        key: '/engineering/stocktakes',
        label: t('stock.nav.stocktakes'),
        permission: 'assets.read',
      },
      {
        key: '/engineering/materials-report',
        label: t('stock.nav.report'),
        permission: 'assets.read',
      },
      {
        key: '/engineering/contractors',
        label: t('contractors.nav.list'),
        permission: 'assets.read',
      },
    ],
  };
}
