import type { Availability, Booking, PortalMe } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Empty, List, Popconfirm, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { portalApi } from './api';

interface Mine {
  facilities: { id: number; name: string; projectId: number; slotMinutes: number }[];
  bookings: Booking[];
  waitlist: { id: number; facilityName: string; startsAt: string; state: string }[];
}
const hm = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
const md = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit' }).format(
    new Date(iso),
  );

/** 场地预约 in the portal: pick a facility and a day, book a free slot, see and cancel one's bookings. */
export function PortalBookings({ me }: { me: PortalMe }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const mine = useQuery({
    queryKey: ['portal', 'bookings'],
    queryFn: () => portalApi.get<Mine>('/api/portal/bookings'),
  });
  const [facilityId, setFacilityId] = useState<number | undefined>();
  const [day, setDay] = useState<Dayjs>(dayjs().add(1, 'day'));
  const facility = mine.data?.facilities.find((f) => f.id === facilityId);
  const unit = me.units.find((u) => u.projectId === facility?.projectId);
  const date = day.format('YYYY-MM-DD');
  const slots = useQuery({
    queryKey: ['portal', 'availability', facilityId, date],
    queryFn: () => portalApi.get<Availability>(`/api/portal/facilities/${facilityId}/availability`, { date }),
    enabled: Boolean(facilityId),
  });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['portal', 'bookings'] });
    void qc.invalidateQueries({ queryKey: ['portal', 'availability'] });
  };
  const book = useMutation({
    mutationFn: (s: { startsAt: string; endsAt: string }) =>
      portalApi.post<Booking>('/api/portal/bookings', { facilityId, unitId: unit?.id, ...s }),
    onSuccess: refresh,
  });
  const cancel = useMutation({
    mutationFn: (id: number) => portalApi.post(`/api/portal/bookings/${id}/cancel`),
    onSuccess: refresh,
  });
  const accept = useMutation({
    mutationFn: (id: number) => portalApi.post(`/api/portal/waitlist/${id}/accept`),
    onSuccess: refresh,
  });
  const error = (book.error ?? cancel.error ?? accept.error) as { message?: string } | null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small">
        <Space wrap>
          <Select
            style={{ width: 180 }}
            placeholder={t('fds.portal.pickFacility')}
            value={facilityId}
            onChange={setFacilityId}
            data-testid="portal-facility"
            options={(mine.data?.facilities ?? []).map((f) => ({ value: f.id, label: f.name }))}
          />
          <DatePicker
            value={day}
            onChange={(d) => d && setDay(d)}
            allowClear={false}
            data-testid="portal-booking-date"
          />
        </Space>
        {book.isSuccess && (
          <Alert
            style={{ marginTop: 8 }}
            type="success"
            message={t('fds.portal.booked')}
            data-testid="portal-booked"
          />
        )}
        {error?.message && <Alert style={{ marginTop: 8 }} type="error" message={error.message} />}
        {slots.data && (
          <Space wrap style={{ marginTop: 12 }}>
            {slots.data.slots.map((s) => (
              <Button
                key={s.startsAt}
                disabled={!s.free || book.isPending}
                onClick={() => book.mutate({ startsAt: s.startsAt, endsAt: s.endsAt })}
                data-testid="portal-slot"
                data-start={s.startsAt}
              >
                {hm(s.startsAt)} {s.free ? t('fds.portal.free') : t('fds.portal.full')}
              </Button>
            ))}
          </Space>
        )}
      </Card>
      <Card size="small" title={t('fds.portal.mine')}>
        {!mine.data?.bookings.length ? (
          <Empty />
        ) : (
          <List
            data-testid="portal-my-bookings"
            dataSource={mine.data.bookings}
            renderItem={(b) => (
              <List.Item
                actions={
                  b.state === 'confirmed' || b.state === 'pending'
                    ? [
                        <Popconfirm
                          key="c"
                          title={t('fds.portal.cancelConfirm')}
                          description={b.feeFen > 0 ? t('fds.portal.cancelFeeHint') : undefined}
                          onConfirm={() => cancel.mutate(b.id)}
                        >
                          <Button size="small" data-testid={`portal-booking-cancel-${b.id}`}>
                            {t('fds.bk.cancel')}
                          </Button>
                        </Popconfirm>,
                      ]
                    : []
                }
              >
                {b.facilityName} {md(b.startsAt)} {hm(b.startsAt)}–{hm(b.endsAt)}{' '}
                <Tag>{t(`fds.bk.states.${b.state}`)}</Tag>
              </List.Item>
            )}
          />
        )}
        {(mine.data?.waitlist ?? [])
          .filter((w) => w.state === 'offered')
          .map((w) => (
            <Alert
              key={w.id}
              type="info"
              message={`${t('fds.portal.waitlist')}：${w.facilityName} ${md(w.startsAt)} ${hm(w.startsAt)}`}
              action={
                <Button size="small" onClick={() => accept.mutate(w.id)}>
                  {t('fds.portal.accept')}
                </Button>
              }
            />
          ))}
      </Card>
    </Space>
  );
}
