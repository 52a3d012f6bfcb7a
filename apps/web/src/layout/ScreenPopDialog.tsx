import { PhoneOutlined } from '@ant-design/icons';
import { formatPhone } from '@guanjia/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Empty, List, Modal, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { CallerLookup, CallItem } from '../api/callTypes';
import { api } from '../api/client';
import { useAuth } from '../auth/AuthProvider';
import { useEnumLabel } from '../enumLabel';
import { formatDateTime } from '../format';
import { UnitArrears } from '../pages/billing/UnitArrears';
import { UrgeButton } from '../pages/tickets/UrgeButton';

/** The 来电弹屏 dialog (ScreenPop.tsx opens it): the caller's archive and a ticket started from the call. */
export default function ScreenPopDialog({ callId, onClose: close }: { callId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const { can } = useAuth();
  const navigate = useNavigate();
  const pop = useQuery({
    queryKey: ['calls', callId, 'caller'],
    queryFn: () => api.get<{ call: CallItem; caller: CallerLookup }>(`/api/calls/${callId}/caller`),
  });
  const newTicket = (residentId?: number) => {
    const call = pop.data?.call;
    const params = new URLSearchParams();
    if (call) params.set('callId', String(call.id));
    if (residentId) params.set('residentId', String(residentId));
    else if (pop.data?.caller.e164) params.set('phone', pop.data.caller.number);
    close();
    void navigate(`/tickets/new?${params.toString()}`);
  };

  const open360 = (residentId: number) => {
    const call = pop.data?.call;
    close();
    void navigate(`/residents/${residentId}?tab=360${call ? `&callId=${call.id}` : ''}`);
  };

  const caller = pop.data?.caller;
  return (
    <Modal
      open
      onCancel={close}
      width={720}
      title={
        <Space>
          <PhoneOutlined />
          {t('screenPop.title')}
          {caller && (
            <Typography.Text copyable={{ text: caller.number }}>{formatPhone(caller.number)}</Typography.Text>
          )}
          {pop.data?.call.queue && <Tag>{pop.data.call.queue}</Tag>}
        </Space>
      }
      footer={
        <Space>
          <Button onClick={close}>{t('screenPop.dismiss')}</Button>
          {can('tickets.write') && (caller?.residents.length ?? 0) !== 1 && (
            <Button type="primary" onClick={() => newTicket()} data-testid="pop-new-ticket">
              {t('screenPop.newTicket')}
            </Button>
          )}
        </Space>
      }
      modalRender={(node) => <div data-testid="screen-pop">{node}</div>}
    >
      {pop.isLoading && <Typography.Text type="secondary">{t('screenPop.loading')}</Typography.Text>}
      {caller && !caller.known && <Empty description={t('screenPop.unknown')} />}
      {caller?.residents.map((r) => (
        <div key={r.id} style={{ marginBottom: 16 }}>
          <Descriptions
            size="small"
            bordered
            column={2}
            title={
              <Space>
                {r.name}
                {r.vip && <Tag color="gold">VIP</Tag>}
                {r.tags.map((tag) => (
                  <Tag key={tag}>{tag}</Tag>
                ))}
              </Space>
            }
            extra={
              <Space size={8}>
                <Button size="small" onClick={() => open360(r.id)} data-testid={`pop-360-${r.id}`}>
                  {t('desk.r360.open')}
                </Button>
                {can('tickets.write') && (
                  <Button
                    type="primary"
                    size="small"
                    onClick={() => newTicket(r.id)}
                    data-testid="pop-new-ticket"
                  >
                    {t('screenPop.newTicket')}
                  </Button>
                )}
              </Space>
            }
            items={[
              {
                key: 'units',
                label: t('screenPop.units'),
                children: r.units.map((u) => `${u.label}（${label(u.relation)}）`).join('、') || '—',
              },
              {
                key: 'arrears',
                label: t('payments.arrearsBrief.title'),
                children: <UnitArrears unitIds={r.units.map((u) => u.unitId)} />,
              },
              {
                key: 'open',
                label: t('screenPop.openTickets'),
                // The resident's own open tickets and their household's on the same units (Q44): a
                // repeat call about one of them is a 催单, not a new ticket.
                children: r.openTickets.length
                  ? r.openTickets.map((x) => (
                      <div key={x.id} data-testid={`pop-open-${x.number}`} style={{ marginBottom: 4 }}>
                        <Space size={6} wrap>
                          <a href={`/tickets/${x.id}`}>{x.number}</a> {x.title} <Tag>{label(x.status)}</Tag>
                          {x.residentId !== r.id && (
                            <Tag color="purple">{t('desk.r360.householdTicket')}</Tag>
                          )}
                          <UrgeButton
                            ticket={x}
                            callId={pop.data?.call.id}
                            onDone={() => void pop.refetch()}
                          />
                        </Space>
                      </div>
                    ))
                  : t('screenPop.none'),
              },
            ]}
          />
        </div>
      ))}
      {caller && caller.lastContacts.length > 0 && (
        <List
          size="small"
          header={t('screenPop.lastContacts')}
          dataSource={caller.lastContacts}
          renderItem={(c) => (
            <List.Item>
              <Typography.Text type="secondary">{formatDateTime(c.at)}</Typography.Text>{' '}
              {c.kind === 'ticket'
                ? `${t('screenPop.ticket')} ${c.ticket?.number ?? ''} ${c.ticket?.title ?? ''}`
                : `${t('screenPop.call')} ${c.call ? t(`calls.direction.${c.call.direction}`) : ''}`}
            </List.Item>
          )}
        />
      )}
    </Modal>
  );
}
