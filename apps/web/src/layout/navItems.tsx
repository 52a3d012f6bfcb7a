import {
  ApartmentOutlined,
  AuditOutlined,
  CloudUploadOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  ExperimentOutlined,
  FieldTimeOutlined,
  HomeOutlined,
  PhoneOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Permission } from '@guanjia/shared';
import type { MenuProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BindingsNavLabel } from '../pages/residents/BindingsNavLabel';
import {
  billingSection,
  customerSection,
  emergencySection,
  engineeringSection,
  frontdeskSection,
} from './navSections';
import { analyticsSection, qualityInspectionSection } from './navSectionsManagement';
import type { NavItem } from './navTypes';

export type { NavItem } from './navTypes';

/** The console's side menu: every page a role may open, grouped as the service center works. */
export function useNavItems(): NavItem[] {
  const { t } = useTranslation();
  return useMemo<NavItem[]>(
    () => [
      { key: '/', path: '/', icon: <DashboardOutlined />, label: t('nav.dashboard') },
      {
        key: 'service',
        icon: <CustomerServiceOutlined />,
        label: t('nav.service'),
        children: [
          {
            key: '/tickets/new',
            label: t('nav.intake'),
            permission: 'tickets.write',
          },
          { key: '/tickets', label: t('nav.tickets'), permission: 'tickets.read' },
          {
            key: '/dispatch',
            label: t('nav.dispatch'),
            permission: 'tickets.dispatch',
          },
          {
            key: '/callbacks',
            label: t('nav.callbacks'),
            permission: 'callbacks.write',
          },
          {
            key: '/complaints',
            label: t('complaints.nav.ledger'),
            permission: 'tickets.read',
          },
          {
            key: '/incidents',
            label: t('nav.incidents'),
            permission: 'incidents.read',
          },
          {
            key: '/notices',
            label: t('nav.notices'),
            permission: 'notices.read',
          },
          {
            key: '/message-templates',
            label: t('broadcasts.nav.templates'),
            permission: 'notices.read',
          },
          {
            key: '/broadcast-approvals',
            label: t('broadcasts.nav.approvals'),
            permission: 'notices.approve',
          },
          { key: '/tech', label: t('nav.tech'), permission: 'workorders.execute' },
          {
            key: '/reports/sla',
            label: t('nav.slaReport'),
            permission: 'reports.read',
          },
        ],
      },
      customerSection(t),
      emergencySection(t),
      frontdeskSection(t),
      qualityInspectionSection(t),
      billingSection(t),
      {
        key: 'callcenter',
        icon: <PhoneOutlined />,
        label: t('nav.callcenter'),
        children: [
          { key: '/calls', label: t('nav.calls'), permission: 'calls.read' },
          {
            key: '/wallboard',
            label: t('nav.wallboard'),
            permission: 'calls.read',
          },
          { key: '/knowledge', label: t('nav.knowledge'), permission: 'kb.read' },
          {
            key: '/knowledge/expert',
            label: t('kbExpert.nav'),
            permission: 'kb.expert',
          },
          {
            key: '/knowledge/synonyms',
            label: t('cctools.nav.synonyms'),
            permission: 'kb.read',
          },
          {
            key: '/telephony',
            label: t('cctools.nav.pbx'),
            permission: 'telephony.manage',
          },
          {
            key: '/queues',
            label: t('cctools.nav.queues'),
            permission: 'calls.read',
          },
          { key: '/ivr', label: t('nav.ivr'), permission: 'telephony.manage' },
          { key: '/quality', label: t('quality.nav.page'), permission: 'qa.review' },
          {
            key: '/my-quality',
            label: t('quality.nav.mine'),
            permission: 'tickets.write',
          },
        ],
      },
      engineeringSection(t),
      analyticsSection(t),
      {
        key: 'slaGroup',
        icon: <FieldTimeOutlined />,
        label: t('nav.slaGroup'),
        permission: 'sla.manage',
        children: [
          {
            key: '/sla/policies',
            label: t('nav.slaPolicies'),
            permission: 'sla.manage',
          },
          {
            key: '/sla/calendars',
            label: t('nav.calendars'),
            permission: 'sla.manage',
          },
          {
            key: '/sla/dispatch-rules',
            label: t('nav.dispatchRules'),
            permission: 'sla.manage',
          },
        ],
      },
      {
        key: '/estate',
        path: '/estate',
        icon: <ApartmentOutlined />,
        label: t('nav.estate'),
        permission: 'estate.read',
      },
      {
        key: '/residents',
        path: '/residents',
        icon: <HomeOutlined />,
        label: t('nav.residents'),
        permission: 'residents.read',
      },
      {
        key: '/residents/bindings',
        path: '/residents/bindings',
        icon: <AuditOutlined />,
        label: <BindingsNavLabel />,
        permission: 'portal.bindings',
      },
      {
        key: 'org',
        icon: <TeamOutlined />,
        label: t('nav.staffAndRoles'),
        permission: 'staff.read',
        children: [
          {
            key: '/staff',
            path: '/staff',
            label: t('nav.staff'),
            permission: 'staff.read',
          },
          {
            key: '/roles',
            path: '/roles',
            label: t('nav.roles'),
            permission: 'staff.read',
          },
        ],
      },
      {
        key: '/imports',
        path: '/imports',
        icon: <CloudUploadOutlined />,
        label: t('nav.imports'),
        permission: 'import.run',
      },
      {
        key: '/settings/departments',
        path: '/settings/departments',
        icon: <ApartmentOutlined />,
        label: t('complaints.nav.departments'),
        permission: 'tickets.read',
      },
      {
        key: '/settings/triage',
        path: '/settings/triage',
        icon: <ExperimentOutlined />,
        label: t('triage.nav'),
        permission: 'triage.manage',
      },
      {
        key: '/settings',
        path: '/settings',
        icon: <SettingOutlined />,
        label: t('nav.settings'),
        permission: 'settings.read',
      },
      {
        key: '/audit',
        path: '/audit',
        icon: <AuditOutlined />,
        label: t('nav.audit'),
        permission: 'audit.read',
      },
    ],
    [t],
  );
}

/** Menus follow permissions: what a role cannot use is not shown at all. */
export function menuItemsFor(
  nav: NavItem[],
  can: (p: Permission) => boolean,
): NonNullable<MenuProps['items']> {
  const build = (items: NavItem[]): NonNullable<MenuProps['items']> =>
    items
      .filter((item) => !item.permission || can(item.permission))
      .flatMap((item) => {
        if (!item.children) return [{ key: item.key, icon: item.icon, label: item.label }];
        const children = build(item.children);
        // A group whose every entry is hidden is hidden too.
        return children.length ? [{ key: item.key, icon: item.icon, label: item.label, children }] : [];
      });
  return build(nav);
}

/** The entry whose path is the longest prefix of the location: /tickets/12 → 工单列表, /tickets/new → 受理. */
export function selectedKeyFor(nav: NavItem[], path: string): string {
  const keys = nav
    .flatMap((item) => [item, ...(item.children ?? [])])
    .map((item) => item.key)
    .filter((key) => key.startsWith('/'));
  const matches = keys.filter((key) =>
    key === '/' ? path === '/' : path === key || path.startsWith(`${key}/`),
  );
  const exact = matches.find((key) => key === path);
  if (exact) return exact;
  return matches.sort((a, b) => b.length - a.length).find((key) => key !== '/tickets/new') ?? '/';
}
