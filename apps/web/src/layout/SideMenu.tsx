import { ConfigProvider, Layout, Menu, theme } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/AuthProvider';
import { menuItemsFor, selectedKeyFor, useNavItems } from './navItems';

/** The dark side menu's background (antd's dark Layout sider). */
export const SIDER_BG = '#001529';

/**
 * The console's side menu on dark. Everything inside it — a badge wrapping an entry's label, a tag, a
 * tooltip — is themed with the dark algorithm, so no component brings its default dark text onto the
 * dark background (门户绑定审核's badge did: dark text on dark, unreadable). The menu's own colours
 * are set for WCAG AA (4.5:1) contrast on every entry, selected or not (e2e/menu-contrast).
 */
export function SideMenu({
  collapsed,
  onBreakpoint,
}: {
  collapsed: boolean;
  onBreakpoint: (broken: boolean) => void;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const nav = useNavItems();
  const items = useMemo(() => menuItemsFor(nav, can), [nav, can]);
  const selectedKey = useMemo(() => selectedKeyFor(nav, location.pathname), [nav, location.pathname]);

  return (
    <ConfigProvider
      theme={{
        algorithm: theme.darkAlgorithm,
        components: {
          Menu: {
            darkItemBg: SIDER_BG,
            darkSubMenuItemBg: '#000c17',
            darkItemColor: 'rgba(255, 255, 255, 0.85)',
            darkItemHoverColor: '#ffffff',
            darkItemSelectedBg: '#1668dc',
            darkItemSelectedColor: '#ffffff',
            darkGroupTitleColor: 'rgba(255, 255, 255, 0.75)',
          },
        },
      }}
    >
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        trigger={null}
        width={216}
        breakpoint="lg"
        onBreakpoint={onBreakpoint}
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto', background: SIDER_BG }}
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
              <div style={{ fontSize: 11, color: 'rgba(255, 255, 255, 0.75)' }}>{t('app.tagline')}</div>
            </div>
          )}
        </Link>
        <Menu
          theme="dark"
          mode="inline"
          data-testid="side-menu"
          selectedKeys={[selectedKey]}
          defaultOpenKeys={['service', 'slaGroup', 'org']}
          items={items}
          onClick={({ key }) => {
            if (key.startsWith('/')) void navigate(key);
          }}
        />
      </Layout.Sider>
    </ConfigProvider>
  );
}
