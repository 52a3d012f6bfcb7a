import { FundOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import type { NavItem } from './navTypes';

/** 品质检查 (issue 18): the 品质部's sheets, plans, inspections, 整改单, campaigns and R17. */
export function qualityInspectionSection(t: TFunction): NavItem {
  return {
    key: 'quality-inspections',
    icon: <SafetyCertificateOutlined />,
    label: t('qi.nav.group'),
    children: [
      {
        key: '/quality/sheets',
        label: t('qi.nav.sheets'),
        permission: 'quality.read',
      },
      {
        key: '/quality/plans',
        label: t('qi.nav.plans'),
        permission: 'quality.read',
      },
      {
        key: '/quality/inspections',
        label: t('qi.nav.inspections'),
        permission: 'quality.read',
      },
      {
        key: '/quality/rectifications',
        label: t('qi.nav.rectifications'),
        permission: 'rectifications.handle',
      },
      {
        key: '/quality/my',
        label: t('qi.nav.mine'),
        permission: 'rectifications.handle',
      },
      {
        key: '/quality/campaigns',
        label: t('qi.nav.campaigns'),
        permission: 'quality.read',
      },
      {
        key: '/reports/quality',
        label: t('qi.nav.report'),
        permission: 'quality.read',
      },
    ],
  };
}

/** 数据分析 (issue 21): one entry per registered dashboard, the health league and the big screen. */
export function analyticsSection(t: TFunction): NavItem {
  const dashboards: [string, string][] = [
    ['service', 'tickets.read'],
    ['callcenter', 'calls.read'],
    ['people', 'tickets.read'],
    ['money', 'billing.read'],
    ['operations', 'assets.read'],
    ['emergencies', 'incidents.read'],
    ['quality', 'quality.read'],
    ['residents', 'surveys.read'],
    ['desk', 'desk.read'],
  ];
  return {
    key: 'analytics',
    icon: <FundOutlined />,
    label: t('analytics.nav.group'),
    permission: 'analytics.read',
    children: [
      ...dashboards.map(([key, permission]) => ({
        key: `/analytics/${key}`,
        label: t(`analytics.nav.${key}`),
        permission: permission as NavItem['permission'],
      })),
      {
        key: '/analytics/health',
        label: t('analytics.nav.health'),
        permission: 'analytics.read',
      },
      {
        key: '/analytics/screen',
        label: t('analytics.nav.screen'),
        permission: 'analytics.read',
      },
    ],
  };
}
