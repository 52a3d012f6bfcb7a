import { DesktopOutlined, GlobalOutlined, LogoutOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Avatar, Button, Dropdown, Switch } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { useTechnicians } from '../../api/serviceHooks';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageSpinner } from '../../components/PageSpinner';
import type { Locale } from '../../i18n';
import { NotificationBell } from '../../layout/NotificationBell';
import { useLive } from '../../live/LiveProvider';

/** The technician's phone view: one slim bar (duty switch, bell, me) and the page; no sider, no footer. */
export default function TechLayout() {
  const { t, i18n } = useTranslation();
  const { user, can, logout, setLocale, projectId } = useAuth();
  const { connected } = useLive();
  const navigate = useNavigate();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const technicians = useTechnicians(projectId, Boolean(user));
  const me = technicians.data?.find((p) => p.id === user?.id);
  const duty = useMutation({
    mutationFn: (onDuty: boolean) => api.put(`/api/technicians/${user?.id}/duty`, { onDuty }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['technicians'] });
      void queryClient.invalidateQueries({ queryKey: ['work-orders'] });
    },
    onError: (error) => onError(error),
  });

  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', display: 'flex', flexDirection: 'column' }}>
      <header
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 10,
          background: '#001529',
          color: '#fff',
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          padding: '0 8px 0 12px',
          height: 52,
        }}
      >
        <Link to="/tech" style={{ display: 'flex', alignItems: 'center', gap: 8, color: '#fff' }}>
          <img src="/favicon.svg" alt="" width={24} height={24} />
          <span style={{ fontWeight: 600 }}>{t('tech.title')}</span>
        </Link>
        <span
          role="img"
          aria-label={connected ? t('layout.liveOn') : t('layout.liveOff')}
          style={{ width: 8, height: 8, borderRadius: 4, background: connected ? '#52c41a' : '#8c8c8c' }}
        />
        <div style={{ flex: 1 }} />
        {me && (
          <Switch
            checked={me.onDuty}
            loading={duty.isPending}
            onChange={(v) => duty.mutate(v)}
            checkedChildren={t('dispatch.onDuty')}
            unCheckedChildren={t('dispatch.offDuty')}
            data-testid="tech-duty"
          />
        )}
        <NotificationBell techView dark />
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'who', disabled: true, label: user?.displayName ?? '' },
              { type: 'divider' },
              {
                key: 'lang',
                icon: <GlobalOutlined />,
                label: i18n.language === 'en' ? '简体中文' : 'English',
              },
              ...(can('tickets.read')
                ? [{ key: 'console', icon: <DesktopOutlined />, label: t('tech.console') }]
                : []),
              {
                key: 'logout',
                icon: <LogoutOutlined />,
                label: <span data-testid="logout">{t('layout.logout')}</span>,
              },
            ],
            onClick: ({ key }) => {
              if (key === 'logout') void logout();
              if (key === 'console') void navigate('/');
              if (key === 'lang')
                setLocale((i18n.language === 'en' ? 'zh-CN' : 'en') as Locale).catch((e: unknown) =>
                  onError(e),
                );
            },
          }}
        >
          <Button
            type="text"
            style={{ height: 44, width: 44, padding: 0 }}
            data-testid="user-menu"
            aria-label={user?.displayName}
          >
            <Avatar size="small" style={{ background: '#1677ff' }}>
              {(user?.displayName ?? '?').slice(0, 1)}
            </Avatar>
          </Button>
        </Dropdown>
      </header>
      <main
        style={{
          flex: 1,
          width: '100%',
          maxWidth: 640,
          margin: '0 auto',
          padding: 12,
          boxSizing: 'border-box',
        }}
      >
        <Suspense fallback={<PageSpinner />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
