import { PhoneOutlined } from '@ant-design/icons';
import { wallClockTime } from '@guanjia/shared';
import { Button, Descriptions } from 'antd';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalTicket } from './api';
import { PortalTimezone, usePortalTime } from './time';

/** What was asked for and who is coming: problem, preferred window, technician and when he is due. */
export function PortalProgressFacts({ ticket }: { ticket: PortalTicket }) {
  const { t } = useTranslation();
  const time = usePortalTime();
  const tz = useContext(PortalTimezone);
  const items = [
    ...(ticket.categoryPath
      ? [{ key: 'category', label: t('portalReport.categoryLabel'), children: ticket.categoryPath }]
      : []),
    ...(ticket.appointmentAt
      ? [
          {
            key: 'appointment',
            label: t('portalReport.appointmentAt'),
            children: (
              <span data-testid="portal-ticket-window">
                {time(ticket.appointmentAt)}
                {ticket.appointmentUntil ? `–${wallClockTime(ticket.appointmentUntil, tz)}` : ''}
              </span>
            ),
          },
        ]
      : []),
    ...(ticket.technicianName
      ? [
          {
            key: 'technician',
            label: t('portalReport.technician'),
            children: (
              <span data-testid="portal-technician">
                {ticket.technicianName}
                {ticket.expectedArrivalAt
                  ? ` · ${t('portalReport.expectedArrival', { time: time(ticket.expectedArrivalAt) })}`
                  : ''}
              </span>
            ),
          },
        ]
      : []),
  ];
  if (!items.length) return null;
  return <Descriptions size="small" column={1} items={items} style={{ marginBottom: 12 }} />;
}

/** 一键拨号: the estate's service centre, from the phone's own dialler. */
export function CallCenterButton({ phone }: { phone: string | null }) {
  const { t } = useTranslation();
  if (!phone) return null;
  return (
    <Button
      block
      size="large"
      icon={<PhoneOutlined />}
      href={`tel:${phone.replace(/[^\d+]/g, '')}`}
      style={{ marginTop: 8 }}
      data-testid="portal-call"
    >
      {t('portalReport.callCenter', { phone })}
    </Button>
  );
}
