import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  BookOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  ClusterOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  DesktopOutlined,
  DownOutlined,
  FieldTimeOutlined,
  FileAddOutlined,
  FileTextOutlined,
  GlobalOutlined,
  HistoryOutlined,
  HomeOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  MobileOutlined,
  NodeIndexOutlined,
  NotificationOutlined,
  PartitionOutlined,
  PhoneOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Permission } from '@guanjia/shared';
import {
  Avatar,
  Button,
  Dropdown,
  Layout,
  Menu,
  type MenuProps,
  Select,
  Space,
  Tooltip,
  Typography,
} from 'antd';
import { type ReactNode, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/AuthProvider';
import { useApiError } from '../components/feedback';
import { PageSpinner } from '../components/PageSpinner';
import { LOCALES, type Locale } from '../i18n';
import { useLive } from '../live/LiveProvider';
import { ExpertAnswerListener } from '../pages/callcenter/ExpertAnswerListener';
import { BindingsNavLabel } from '../pages/residents/BindingsNavLabel';
import { ItemOffer } from './ItemOffer';
import { NotificationBell } from './NotificationBell';
import { PresenceSwitch } from './PresenceSwitch';
import { ScreenPop } from './ScreenPop';

interface NavItem {
  key: string;
  path?: string;
  icon: ReactNode;
  /** A node where the entry carries a live count (the portal requests' badge). */
  label: ReactNode;
  permission?: Permission;
  children?: NavItem[];
}

const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '简体中文', en: 'English' };

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const { user, can, logout, setLocale, projects, projectId, setProjectId } = useAuth();
  const { connected } = useLive();
  const navigate = useNavigate();
  const location = useLocation();
  const onError = useApiError();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem('guanjia.sider') === 'collapsed');

  const nav = useMemo<NavItem[]>(
    () => [
      { key: '/', path: '/', icon: <DashboardOutlined />, label: t('nav.dashboard') },
      {
        key: 'service',
        icon: <CustomerServiceOutlined />,
        label: t('nav.service'),
        children: [
          {
            key: '/tickets/new',
            icon: <FileAddOutlined />,
            label: t('nav.intake'),
            permission: 'tickets.write',
          },
          { key: '/tickets', icon: <ProfileOutlined />, label: t('nav.tickets'), permission: 'tickets.read' },
          {
            key: '/dispatch',
            icon: <ClusterOutlined />,
            label: t('nav.dispatch'),
            permission: 'tickets.dispatch',
          },
          {
            key: '/callbacks',
            icon: <PhoneOutlined />,
            label: t('nav.callbacks'),
            permission: 'callbacks.write',
          },
          {
            key: '/incidents',
            icon: <AlertOutlined />,
            label: t('nav.incidents'),
            permission: 'incidents.read',
          },
          {
            key: '/notices',
            icon: <NotificationOutlined />,
            label: t('nav.notices'),
            permission: 'notices.read',
          },
          {
            key: '/message-templates',
            icon: <FileTextOutlined />,
            label: t('broadcasts.nav.templates'),
            permission: 'notices.read',
          },
          {
            key: '/broadcast-approvals',
            icon: <AuditOutlined />,
            label: t('broadcasts.nav.approvals'),
            permission: 'notices.approve',
          },
          { key: '/tech', icon: <MobileOutlined />, label: t('nav.tech'), permission: 'workorders.execute' },
          {
            key: '/reports/sla',
            icon: <BarChartOutlined />,
            label: t('nav.slaReport'),
            permission: 'reports.read',
          },
        ],
      },
      {
        key: 'callcenter',
        icon: <PhoneOutlined />,
        label: t('nav.callcenter'),
        children: [
          { key: '/calls', icon: <HistoryOutlined />, label: t('nav.calls'), permission: 'calls.read' },
          {
            key: '/wallboard',
            icon: <DesktopOutlined />,
            label: t('nav.wallboard'),
            permission: 'calls.read',
          },
          { key: '/knowledge', icon: <BookOutlined />, label: t('nav.knowledge'), permission: 'kb.read' },
          {
            key: '/knowledge/expert',
            icon: <SolutionOutlined />,
            label: t('kbExpert.nav'),
            permission: 'kb.expert',
          },
          { key: '/ivr', icon: <PartitionOutlined />, label: t('nav.ivr'), permission: 'telephony.manage' },
          { key: '/quality', icon: <AuditOutlined />, label: t('quality.nav.page'), permission: 'qa.review' },
          {
            key: '/my-quality',
            icon: <SolutionOutlined />,
            label: t('quality.nav.mine'),
            permission: 'tickets.write',
          },
        ],
      },
      {
        key: 'slaGroup',
        icon: <FieldTimeOutlined />,
        label: t('nav.slaGroup'),
        permission: 'sla.manage',
        children: [
          {
            key: '/sla/policies',
            icon: <FieldTimeOutlined />,
            label: t('nav.slaPolicies'),
            permission: 'sla.manage',
          },
          {
            key: '/sla/calendars',
            icon: <CalendarOutlined />,
            label: t('nav.calendars'),
            permission: 'sla.manage',
          },
          {
            key: '/sla/dispatch-rules',
            icon: <NodeIndexOutlined />,
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
            icon: <UserOutlined />,
            label: t('nav.staff'),
            permission: 'staff.read',
          },
          {
            key: '/roles',
            path: '/roles',
            icon: <SafetyCertificateOutlined />,
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

  // Menus follow permissions: what a role cannot use is not shown at all.
  const menuItems = useMemo<MenuProps['items']>(() => {
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
  }, [nav, can]);

  // The entry whose path is the longest prefix of the location: /tickets/12 → 工单列表, /tickets/new → 受理.
  const selectedKey = useMemo(() => {
    const keys = nav
      .flatMap((item) => [item, ...(item.children ?? [])])
      .map((item) => item.key)
      .filter((key) => key.startsWith('/'));
    const path = location.pathname;
    const matches = keys.filter((key) =>
      key === '/' ? path === '/' : path === key || path.startsWith(`${key}/`),
    );
    const exact = matches.find((key) => key === path);
    if (exact) return exact;
    return matches.sort((a, b) => b.length - a.length).find((key) => key !== '/tickets/new') ?? '/';
  }, [location.pathname, nav]);

  const switchLocale = (locale: Locale) => {
    setLocale(locale).catch((error: unknown) => onError(error));
  };

  const toggle = () => {
    setCollapsed((c) => {
      localStorage.setItem('guanjia.sider', c ? 'open' : 'collapsed');
      return !c;
    });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        trigger={null}
        width={216}
        breakpoint="lg"
        onBreakpoint={(broken) => setCollapsed(broken)}
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <Link
          to="/"
          style={{
            height: 56,
            display: 'flex',
            alignItems: 'center',
            gap: 10,
            padding: collapsed ? '0 24px' : '0 20px',
            color: '#fff',
          }}
        >
          <img src="/favicon.svg" alt="" width={28} height={28} />
          {!collapsed && (
            <div style={{ lineHeight: 1.2 }}>
              <div style={{ fontWeight: 600, fontSize: 16 }}>{t('app.name')}</div>
              <div style={{ fontSize: 11, opacity: 0.65 }}>{t('app.tagline')}</div>
            </div>
          )}
        </Link>
        <Menu
          theme="dark"
          mode="inline"
          data-testid="side-menu"
          selectedKeys={[selectedKey]}
          defaultOpenKeys={['service', 'slaGroup', 'org']}
          items={menuItems}
          onClick={({ key }) => {
            if (key.startsWith('/')) void navigate(key);
          }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            borderBottom: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            zIndex: 10,
            height: 56,
            lineHeight: '56px',
          }}
        >
          <Button
            type="text"
            aria-label={t(collapsed ? 'layout.expandMenu' : 'layout.collapseMenu')}
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={toggle}
          />
          {projects.length > 0 && (
            <Space size={6}>
              <Typography.Text type="secondary">{t('layout.currentProject')}</Typography.Text>
              <Select
                data-testid="project-select"
                style={{ minWidth: 200 }}
                value={projectId ?? undefined}
                onChange={(id: number) => setProjectId(id)}
                showSearch={{ optionFilterProp: 'label' }}
                options={projects.map((p) => ({ value: p.id, label: `${p.name}（${p.code}）` }))}
              />
            </Space>
          )}
          <div style={{ flex: 1 }} />
          <PresenceSwitch />
          <NotificationBell />
          {can('kb.read') && <ExpertAnswerListener />}
          <Tooltip title={connected ? t('layout.liveOn') : t('layout.liveOff')}>
            <span
              role="img"
              aria-label={connected ? t('layout.liveOn') : t('layout.liveOff')}
              style={{
                display: 'inline-block',
                width: 8,
                height: 8,
                borderRadius: 4,
                background: connected ? '#52c41a' : '#d9d9d9',
              }}
            />
          </Tooltip>
          <Dropdown
            trigger={['click']}
            menu={{
              selectable: true,
              selectedKeys: [i18n.language],
              items: LOCALES.map((l) => ({
                key: l,
                label: <span data-testid={`lang-${l}`}>{LOCALE_NAMES[l]}</span>,
              })),
              onClick: ({ key }) => switchLocale(key as Locale),
            }}
          >
            <Button type="text" data-testid="lang-switch" icon={<GlobalOutlined />}>
              {LOCALE_NAMES[i18n.language === 'en' ? 'en' : 'zh-CN']}
            </Button>
          </Dropdown>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                {
                  key: 'who',
                  disabled: true,
                  label: `${user?.displayName ?? ''}（${user?.username ?? ''}）`,
                },
                { type: 'divider' },
                {
                  key: 'channels',
                  icon: <BellOutlined />,
                  label: <span data-testid="my-channels">{t('staffChannels.menu')}</span>,
                },
                {
                  key: 'logout',
                  icon: <LogoutOutlined />,
                  label: <span data-testid="logout">{t('layout.logout')}</span>,
                },
              ],
              onClick: ({ key }) => {
                if (key === 'logout') void logout();
                if (key === 'channels') void navigate('/me/notifications');
              },
            }}
          >
            <Button type="text" data-testid="user-menu" style={{ height: 40 }}>
              <Space size={8}>
                <Avatar size="small" style={{ background: '#1677ff' }}>
                  {(user?.displayName ?? '?').slice(0, 1)}
                </Avatar>
                <span>{user?.displayName}</span>
                <DownOutlined style={{ fontSize: 10 }} />
              </Space>
            </Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content style={{ padding: 16 }}>
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
          <ScreenPop />
          <ItemOffer />
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: '#8c8c8c', padding: '12px 16px', fontSize: 12 }}>
          {t('app.footer')}
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
