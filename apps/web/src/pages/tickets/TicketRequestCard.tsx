import { Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../api/types';
import { formatDateTime } from '../../format';
import { useServiceVocab } from '../../serviceVocab';
import { windowEnd } from './appointmentWindow';

/** What the resident asked, as the ticket records it: category, channel, unit, contact, times, text. */
export function TicketRequestCard({ ticket: tk }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const sv = useServiceVocab();
  return (
    <Card title={t('tickets.request')} size="small" style={{ marginBottom: 16 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="ticket-title">
        {tk.title}
      </Typography.Title>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        data-testid="ticket-detail"
        items={[
          {
            key: 'category',
            label: t('tickets.fields.category'),
            children: tk.categoryPath?.replaceAll('/', ' › ') ?? '—',
          },
          { key: 'channel', label: t('tickets.fields.channel'), children: sv.channel(tk.channel) },
          { key: 'unit', label: t('tickets.fields.unit'), children: tk.unitLabel ?? '—' },
          {
            key: 'contact',
            label: t('tickets.fields.contact'),
            children: [tk.contactName, tk.contactPhone].filter(Boolean).join(' · ') || '—',
          },
          {
            key: 'owner',
            label: t('tickets.fields.owner'),
            children: tk.ownerName ?? t('tickets.unowned'),
          },
          { key: 'created', label: t('common.createdAt'), children: formatDateTime(tk.createdAt) },
          ...(tk.appointmentAt
            ? [
                {
                  key: 'appt',
                  label: t('tickets.fields.appointmentAt'),
                  children: `${formatDateTime(tk.appointmentAt)}${windowEnd(tk.appointmentUntil)}`,
                },
              ]
            : []),
          ...(tk.resolvedAt
            ? [
                {
                  key: 'resolved',
                  label: t('tickets.fields.resolvedAt'),
                  children: formatDateTime(tk.resolvedAt),
                },
              ]
            : []),
          ...(tk.closedAt
            ? [
                {
                  key: 'closed',
                  label: t('tickets.fields.closedAt'),
                  children: formatDateTime(tk.closedAt),
                },
              ]
            : []),
          {
            key: 'callbackPolicy',
            label: t('tickets.fields.callbackPolicy'),
            children: sv.callbackPolicy(tk.callbackPolicy),
          },
          {
            key: 'desc',
            label: t('tickets.fields.description'),
            span: 'filled',
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{tk.description}</span>,
          },
          ...(tk.answer
            ? [
                {
                  key: 'answer',
                  label: t('tickets.fields.answer'),
                  span: 'filled' as const,
                  children: tk.answer,
                },
              ]
            : []),
          ...(tk.cancelReason
            ? [
                {
                  key: 'cancelReason',
                  label: t('tickets.fields.cancelReason'),
                  span: 'filled' as const,
                  children: tk.cancelReason,
                },
              ]
            : []),
          ...(tk.attachments.length
            ? [
                {
                  key: 'att',
                  label: t('tickets.fields.attachments'),
                  span: 'filled' as const,
                  children: (
                    <Space wrap>
                      {tk.attachments.map((a) => (
                        <a key={a.url} href={a.url} target="_blank" rel="noopener noreferrer">
                          {a.name ?? a.url}
                        </a>
                      ))}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
