import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, List, Rate, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { portalUploadUrl } from '../api/uploads';
import { useApiError } from '../components/feedback';
import { PhotoList } from '../components/Photos';
import { useEnumLabel } from '../enumLabel';
import { type PortalTicket, portalApi } from './api';
import { CallCenterButton, PortalProgressFacts } from './PortalProgress';
import { usePortalTime } from './time';

const STATUS_COLOR: Record<string, string> = {
  待受理: 'blue',
  处理中: 'orange',
  待回访: 'green',
  已关闭: 'default',
  已取消: 'default',
};

export function PortalTicketList({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const time = usePortalTime();
  const list = useQuery({
    queryKey: ['portal', 'tickets'],
    queryFn: () => portalApi.get<{ items: PortalTicket[] }>('/api/portal/tickets', { pageSize: 50 }),
  });
  if (!list.data?.items.length) return <Empty description={t('portal.noTickets')} />;
  return (
    <List
      dataSource={list.data.items}
      renderItem={(ticket) => (
        <List.Item
          onClick={() => onOpen(ticket.id)}
          style={{ cursor: 'pointer' }}
          data-testid={`portal-ticket-${ticket.id}`}
        >
          <List.Item.Meta
            title={
              <Space wrap>
                <Tag>{label(ticket.type)}</Tag>
                {ticket.priority === '急' && <Tag color="red">{t('portalReport.urgentTag')}</Tag>}
                {ticket.title}
              </Space>
            }
            description={`${ticket.number} · ${ticket.unitLabel ?? ''} · ${time(ticket.createdAt)}`}
          />
          <Tag color={STATUS_COLOR[ticket.status]}>{label(ticket.status)}</Tag>
        </List.Item>
      )}
    />
  );
}

/** One ticket: progress as the resident sees it, 催单, rating (once), reopen. */
export function PortalTicketDetail({ id, onBack }: { id: number; onBack: () => void }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const time = usePortalTime();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const detail = useQuery({
    queryKey: ['portal', 'ticket', id],
    queryFn: () => portalApi.get<PortalTicket>(`/api/portal/tickets/${id}`),
    refetchInterval: 10_000,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['portal'] });
  const urge = useMutation({
    mutationFn: () => portalApi.post<{ urgeCount: number }>(`/api/portal/tickets/${id}/urge`),
    onSuccess: (r) => {
      void message.success(t('portal.urged', { count: r.urgeCount }));
      void refresh();
    },
    onError: (e) => onError(e),
  });
  const rate = useMutation({
    mutationFn: (v: { overall: number; speed: number; attitude: number; comment?: string }) =>
      portalApi.post(`/api/portal/tickets/${id}/rate`, v),
    onSuccess: () => {
      void message.success(t('portal.rated'));
      void refresh();
    },
    onError: (e) => onError(e),
  });
  const reopen = useMutation({
    mutationFn: () => portalApi.post(`/api/portal/tickets/${id}/reopen`, { reason }),
    onSuccess: () => {
      void message.success(t('portal.reopened'));
      setReason('');
      void refresh();
    },
    onError: (e) => onError(e),
  });
  const ticket = detail.data;
  if (!ticket) return null;
  const open = ticket.status === '待受理' || ticket.status === '处理中';
  const finished = ticket.status === '待回访' || ticket.status === '已关闭';
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button onClick={onBack}>{t('portal.back')}</Button>
      <Card
        // A long ticket number wraps on a 360 px phone rather than being cut off.
        styles={{ title: { whiteSpace: 'normal' } }}
        title={
          <Space wrap>
            <Tag>{label(ticket.type)}</Tag>
            {ticket.priority === '急' && (
              <Tag color="red" data-testid="portal-ticket-urgent">
                {t('portalReport.urgentTag')}
              </Tag>
            )}
            {ticket.number}
          </Space>
        }
        extra={
          <Tag color={STATUS_COLOR[ticket.status]} data-testid="portal-ticket-status">
            {label(ticket.status)}
          </Tag>
        }
      >
        <Typography.Paragraph>{ticket.description}</Typography.Paragraph>
        <PortalProgressFacts ticket={ticket} />
        {ticket.attachments?.length ? (
          <div data-testid="portal-ticket-photos" style={{ marginBottom: 12 }}>
            <PhotoList photos={ticket.attachments.map((a) => a.url)} rewrite={portalUploadUrl} />
          </div>
        ) : null}
        <Typography.Title level={5}>{t('portal.timeline')}</Typography.Title>
        <Timeline
          items={(ticket.timeline ?? []).map((e) => ({
            children: `${time(e.at)} ${t(`portal.actions.${e.action.replace('.', '_')}`, { defaultValue: e.action })}`,
          }))}
        />
        {open && (
          <Button
            block
            size="large"
            onClick={() => urge.mutate()}
            loading={urge.isPending}
            data-testid="portal-urge"
          >
            {t('portal.urge')}
            {ticket.urgeCount ? ` (${ticket.urgeCount})` : ''}
          </Button>
        )}
        <CallCenterButton phone={ticket.servicePhone ?? null} />
      </Card>
      {finished && !ticket.rating && (
        <Card title={t('portal.rate')}>
          <Form
            layout="vertical"
            initialValues={{ overall: 5, speed: 5, attitude: 5 }}
            onFinish={(v) => rate.mutate(v)}
            data-testid="portal-rate"
          >
            {(['overall', 'speed', 'attitude'] as const).map((k) => (
              <Form.Item key={k} name={k} label={t(`portal.scores.${k}`)}>
                <Rate />
              </Form.Item>
            ))}
            <Form.Item name="comment" label={t('portal.comment')}>
              <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
            </Form.Item>
            <Button
              type="primary"
              block
              size="large"
              htmlType="submit"
              loading={rate.isPending}
              data-testid="portal-rate-submit"
            >
              {t('portal.rate')}
            </Button>
          </Form>
        </Card>
      )}
      {ticket.rating && (
        <Card title={t('portal.rated')} data-testid="portal-rating">
          <Rate disabled value={ticket.rating.overall} />
          {ticket.rating.comment && <Typography.Paragraph>{ticket.rating.comment}</Typography.Paragraph>}
        </Card>
      )}
      {finished && (
        <Card>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              placeholder={t('portal.reopenReason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <Button
              danger
              disabled={reason.trim().length < 2}
              onClick={() => reopen.mutate()}
              loading={reopen.isPending}
            >
              {t('portal.reopen')}
            </Button>
          </Space.Compact>
        </Card>
      )}
    </Space>
  );
}
