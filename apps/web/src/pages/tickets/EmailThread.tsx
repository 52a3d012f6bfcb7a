import { MailOutlined, PaperClipOutlined, SendOutlined } from '@ant-design/icons';
import type { MailMessage } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useApiError } from '../../components/feedback';
import { formatDateTime } from '../../format';

type MailStatus = MailMessage['status'];

const STATUS_COLOR: Record<MailStatus, string> = {
  received: 'blue',
  queued: 'gold',
  sent: 'green',
  logged: 'default',
  failed: 'red',
};

/**
 * The ticket's e-mail thread and a reply box. Shown for e-mail tickets and for any ticket that
 * already has mail; the server picks the recipient (last sender, else the resident's address).
 */
export function EmailThread({
  ticketId,
  channel,
  canReply,
  refetchInterval,
}: {
  ticketId: number;
  channel: string;
  canReply: boolean;
  refetchInterval?: number | false;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const thread = useQuery({
    queryKey: ['ticket-emails', ticketId],
    queryFn: () => api.get<Page<MailMessage>>(`/api/tickets/${ticketId}/emails`, { pageSize: 200 }),
    refetchInterval,
  });
  const send = useMutation({
    mutationFn: () => api.post<MailMessage>(`/api/tickets/${ticketId}/email-replies`, { body: text }),
    onSuccess: (sent) => {
      setText('');
      if (sent.status === 'failed') void message.error(`${t('mail.status.failed')}: ${sent.error ?? ''}`);
      else void message.success(t('mail.sent'));
      void queryClient.invalidateQueries({ queryKey: ['ticket-emails', ticketId] });
      void queryClient.invalidateQueries({ queryKey: ['ticket-events', ticketId] });
    },
    onError: (e) => onError(e),
  });
  const items = thread.data?.items ?? [];
  if (channel !== 'email' && !thread.isLoading && items.length === 0) return null;
  return (
    <Card
      size="small"
      title={
        <Space>
          <MailOutlined />
          {t('mail.thread')}
        </Space>
      }
      loading={thread.isLoading}
      style={{ marginBottom: 16 }}
      data-testid="email-thread"
    >
      {items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mail.empty')} />}
      {items.map((m) => (
        <div
          key={m.id}
          data-testid="email-message"
          data-direction={m.direction}
          style={{
            borderInlineStart: `3px solid ${m.direction === 'in' ? '#1677ff' : '#52c41a'}`,
            paddingInlineStart: 10,
            marginBottom: 12,
          }}
        >
          <Space size={6} wrap>
            <Tag color={m.direction === 'in' ? 'blue' : 'green'}>
              {m.direction === 'in' ? t('mail.incoming') : t('mail.outgoing')}
            </Tag>
            <Typography.Text strong>{m.subject}</Typography.Text>
            <Tag color={STATUS_COLOR[m.status]}>{t(`mail.status.${m.status}`)}</Tag>
          </Space>
          <div style={{ color: '#8c8c8c', fontSize: 12, margin: '2px 0 4px' }}>
            {t('mail.from')} {m.fromName ? `${m.fromName} <${m.from}>` : m.from} · {t('mail.to')} {m.to} ·{' '}
            {formatDateTime(m.at)}
          </div>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
            {m.body}
          </Typography.Paragraph>
          {m.error && <Typography.Text type="danger">{m.error}</Typography.Text>}
          {m.attachments.length > 0 && (
            <Space wrap size={4}>
              {m.attachments.map((a) => (
                <a key={a.id} href={a.url} target="_blank" rel="noopener noreferrer">
                  <PaperClipOutlined /> {a.name}
                </a>
              ))}
            </Space>
          )}
        </div>
      ))}
      {canReply && (
        <Space.Compact direction="vertical" style={{ width: '100%' }}>
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={20000}
            placeholder={t('mail.replyPlaceholder')}
            data-testid="email-reply-text"
          />
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={send.isPending}
            disabled={!text.trim()}
            onClick={() => send.mutate()}
            data-testid="email-reply-send"
          >
            {t('mail.send')}
          </Button>
        </Space.Compact>
      )}
    </Card>
  );
}
