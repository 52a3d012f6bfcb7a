import {
  BellOutlined,
  DownOutlined,
  GlobalOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
} from '@ant-design/icons';
import { Avatar, Button, Dropdown, Layout, Select, Space, Tooltip, theme } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/AuthProvider';
import { useApiError } from '../components/feedback';
import { PageSpinner } from '../components/PageSpinner';
import { LOCALES, type Locale } from '../i18n';
import { useLive } from '../live/LiveProvider';
import { ExpertAnswerListener } from '../pages/callcenter/ExpertAnswerListener';
import { ItemOffer } from './ItemOffer';
import { NotificationBell } from './NotificationBell';
import { PresenceSwitch } from './PresenceSwitch';
import { ScreenPop } from './ScreenPop';
import { SideMenu } from './SideMenu';

const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '简体中文', en: 'English' };

export function AppLayout() {
  const { token } = theme.useToken();
  const { t, i18n } = useTranslation();
  const { user, can, logout, setLocale, projects, projectId, setProjectId } = useAuth();
  const { connected } = useLive();
  const navigate = useNavigate();
  const onError = useApiError();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem('guanjia.sider') === 'collapsed');

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
      <SideMenu collapsed={collapsed} onBreakpoint={(broken) => setCollapsed(broken)} />
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
              {/* A span, not Typography: Typography brings its editor (and Input) into the first route. */}
              <span style={{ color: token.colorTextSecondary }}>{t('layout.currentProject')}</span>
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
