import { MailOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useLive } from '../live/LiveProvider';

/**
 * A portal or e-mail ticket routed to this agent (`ticket.offered` on /api/live): a notification
 * that opens it, the web-item counterpart of the phone's screen pop.
 */
export function ItemOffer() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const { subscribe } = useLive();
  const navigate = useNavigate();
  useEffect(
    () =>
      subscribe((m) => {
        if (m.type !== 'ticket.offered' || typeof m.entityId !== 'number') return;
        const id = m.entityId;
        const data = (m.data ?? {}) as { channel?: string; number?: string };
        const key = `offer-${id}`;
        notification.info({
          key,
          icon: <MailOutlined />,
          title: t(data.channel === 'email' ? 'mail.offeredEmail' : 'mail.offeredPortal'),
          description: data.number ?? '',
          duration: 0,
          actions: (
            <Button
              type="primary"
              size="small"
              data-testid="offer-open"
              onClick={() => {
                notification.destroy(key);
                void navigate(`/tickets/${id}`);
              }}
            >
              {t('mail.openOffered')}
            </Button>
          ),
        });
      }),
    [subscribe, notification, navigate, t],
  );
  return null;
}
