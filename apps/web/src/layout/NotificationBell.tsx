import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Empty, Popover, Space, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import type { NotificationItem, Page } from '../api/types';
import { useAuth } from '../auth/AuthProvider';
import { formatDateTime, formatHumanDateTime } from '../format';
import { useLive } from '../live/LiveProvider';

const KIND_COLOR: Record<string, string> = {
  'sla.warning': 'orange',
  'sla.breached': 'red',
  'dispatch.escalated': 'volcano',
  'workorder.assigned': 'blue',
  'callback.due': 'purple',
  'complaint.created': 'magenta',
  'ticket.urged': 'gold',
};

/**
 * Bodies stored before the server wrote human times carry ISO instants ("截止 2026-11-22T13:33:17.515Z"):
 * show those as the server now would, on the notification's project clock in the reader's language.
 */
const readableBody = (body: string, locale: string, timeZone: string | undefined) =>
  body.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g, (iso) =>
    formatHumanDateTime(iso, locale, timeZone),
  );

type NotificationPage = Page<NotificationItem> & { unread: number };

/**
 * The header bell: the user's own notifications (SLA warnings and breaches, escalations, new
 * assignments), the unread count live over /api/live, a toast for new breaches, mark read on open.
 */
export function NotificationBell({ techView = false, dark = false }: { techView?: boolean; dark?: boolean }) {
  const { t, i18n } = useTranslation();
  const { can, projects } = useAuth();
  const zoneOf = (projectId: number | null) => projects.find((p) => p.id === projectId)?.timezone;
  const navigate = useNavigate();
  const { notification } = App.useApp();
  const { subscribe, connected } = useLive();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: ['notifications'],
    queryFn: () => api.get<NotificationPage>('/api/notifications', { page: 1, pageSize: 15 }),
    refetchInterval: connected ? false : 60_000,
    meta: { silent: true },
  });

  useEffect(
    () =>
      subscribe((message) => {
        if (message.type !== 'notification.created') return;
        void queryClient.invalidateQueries({ queryKey: ['notifications'] });
        const kind = (message.data as { kind?: string } | undefined)?.kind;
        if (kind === 'sla.breached' || kind === 'dispatch.escalated' || kind === 'complaint.created') {
          notification.warning({
            key: `notification-${message.entityId}`,
            title: t(`notifications.kinds.${kind.replace('.', '_')}`),
            description: t('notifications.newHint'),
            placement: 'bottomRight',
          });
        }
      }),
    [subscribe, queryClient, notification, t],
  );

  const markRead = useMutation({
    mutationFn: (id: number) => api.post(`/api/notifications/${id}/read`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const markAll = useMutation({
    mutationFn: () => api.post('/api/notifications/read-all'),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });

  const openItem = (n: NotificationItem) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpen(false);
    if (techView && n.workOrderId) void navigate(`/tech/wo/${n.workOrderId}`);
    else if (n.ticketId && can('tickets.read')) void navigate(`/tickets/${n.ticketId}`);
    else if (n.workOrderId && can('workorders.execute')) void navigate(`/tech/wo/${n.workOrderId}`);
    // A 投诉预警 is about a building or a trend, not one ticket: to the warnings of the ledger.
    else if (n.kind === 'complaint.warning' && can('tickets.read')) void navigate('/complaints?tab=warnings');
    // 工程: a plan's missed run opens the task board's warnings, a warranty the ledger's filter.
    else if (n.kind === 'assets.missed' && can('assets.read')) void navigate('/assets/tasks?warned=1');
    else if (n.kind === 'assets.warranty' && can('assets.read'))
      void navigate('/assets/equipment?warranty=1');
    // A technician's 督办 shows on his phone view (he cannot open the ticket).
    else if (n.kind.startsWith('supervision.') && techView) void navigate('/tech');
  };

  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];
  const content = (
    <div style={{ width: 340, maxHeight: 420, overflow: 'auto' }} data-testid="notification-list">
      <Spin spinning={list.isLoading}>
        {items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
        ) : (
          items.map((n) => (
            <button
              type="button"
              key={n.id}
              onClick={() => openItem(n)}
              style={{
                display: 'block',
                width: '100%',
                textAlign: 'start',
                border: 'none',
                background: n.readAt ? 'transparent' : '#e6f4ff',
                padding: '8px 10px',
                borderRadius: 6,
                cursor: 'pointer',
                marginBottom: 4,
                font: 'inherit',
              }}
            >
              <Space size={6} style={{ marginBottom: 2 }}>
                <Tag color={KIND_COLOR[n.kind]} style={{ marginInlineEnd: 0 }}>
                  {t(`notifications.kinds.${n.kind.replace('.', '_')}`, { defaultValue: n.kind })}
                </Tag>
                {n.level > 0 && (
                  <span style={{ fontSize: 12, color: '#8c8c8c' }}>
                    {t('notifications.level', { level: n.level })}
                  </span>
                )}
              </Space>
              <div style={{ fontWeight: n.readAt ? 400 : 600 }}>{n.title}</div>
              <div style={{ fontSize: 12, color: '#8c8c8c' }}>
                {readableBody(n.body, i18n.language, zoneOf(n.projectId))}
              </div>
              <div style={{ fontSize: 11, color: '#bfbfbf' }}>{formatDateTime(n.createdAt)}</div>
            </button>
          ))
        )}
      </Spin>
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={
        <div style={{ display: 'flex', alignItems: 'center' }}>
          <span style={{ flex: 1 }}>{t('notifications.title')}</span>
          <Button size="small" type="link" disabled={!unread} onClick={() => markAll.mutate()}>
            {t('notifications.readAll')}
          </Button>
        </div>
      }
      content={content}
    >
      <Button
        type="text"
        aria-label={t('notifications.title')}
        data-testid="notification-bell"
        style={{ height: 40 }}
        icon={
          <Badge count={unread} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 18, color: dark ? '#fff' : undefined }} />
          </Badge>
        }
      />
    </Popover>
  );
}
