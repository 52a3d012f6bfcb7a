import {
  AccountBookOutlined,
  BarChartOutlined,
  CarOutlined,
  PhoneOutlined,
  ScheduleOutlined,
} from '@ant-design/icons';
import type { TFunction } from 'i18next';
import type { NavItem } from '../../layout/navItems';

/** 收费中心 · 催缴 entries (helper bill-collect); the section's other entries come from the billing pages. */
export function collectionNavItems(t: TFunction): NavItem[] {
  return [
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
  ];
}
