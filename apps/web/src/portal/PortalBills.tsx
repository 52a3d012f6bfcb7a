import { formatFen } from '@guanjia/shared';
import type { PortalBills as Bills, OnlineOrder } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Collapse, Empty, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { portalApi } from './api';
import { PortalCollectionMessages } from './PortalCollectionMessages';
import { usePortalTime } from './time';

/** 缴费: the resident's bills per unit, paying the ticked ones online, the receipts and the prepaid balance. */
export function PortalBills() {
  const { t } = useTranslation();
  const time = usePortalTime();
  const queryClient = useQueryClient();
  const [ticked, setTicked] = useState<number[]>([]);
  const [order, setOrder] = useState<OnlineOrder | null>(null);
  const bills = useQuery({
    queryKey: ['portal', 'bills'],
    queryFn: () => portalApi.get<Bills>('/api/portal/bills'),
  });
  const provider = bills.data?.providers[0];
  const create = useMutation({
    mutationFn: () =>
      portalApi.post<OnlineOrder>('/api/portal/payments', { billIds: ticked, provider: provider?.code }),
    onSuccess: setOrder,
  });
  const pay = useMutation({
    mutationFn: (o: OnlineOrder) => portalApi.post<OnlineOrder>(`/api/payments/sandbox/${o.outTradeNo}/pay`),
  });
  const status = useQuery({
    queryKey: ['portal', 'order', order?.outTradeNo],
    queryFn: () => portalApi.get<OnlineOrder>(`/api/portal/payments/${order?.outTradeNo}`),
    enabled: Boolean(order) && pay.isSuccess,
    refetchInterval: (q) => (q.state.data?.status === 'paid' ? false : 1500),
  });
  const paid = status.data?.status === 'paid';
  useEffect(() => {
    if (!paid) return;
    setTicked([]);
    void queryClient.invalidateQueries({ queryKey: ['portal', 'bills'] });
  }, [paid, queryClient]);
  const data = bills.data;
  if (!data) return null;
  const total = data.units
    .flatMap((u) => u.current)
    .filter((b) => ticked.includes(b.id))
    .reduce((s, b) => s + b.balance, 0);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {!data.units.length && <Empty description={t('payments.portal.noBills')} />}
      {data.units.map((u) => (
        <Card
          key={u.unitId}
          size="small"
          title={u.label}
          extra={
            <span>
              {t('payments.prepaidBalance')} {formatFen(u.prepaidBalance)}
            </span>
          }
        >
          <Typography.Text strong>{t('payments.portal.current')}</Typography.Text>
          {u.current.length ? (
            u.current.map((b) => (
              <div key={b.id} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
                <Checkbox
                  checked={ticked.includes(b.id)}
                  disabled={Boolean(order) && !paid}
                  onChange={(e) =>
                    setTicked(e.target.checked ? [...ticked, b.id] : ticked.filter((x) => x !== b.id))
                  }
                  data-testid={`portal-bill-${b.id}`}
                >
                  {b.period} · <b>{formatFen(b.balance)}</b>
                </Checkbox>
                <div style={{ color: '#888', fontSize: 12, marginLeft: 24 }}>
                  {b.lines.map((l) => `${l.feeItemName} ${formatFen(l.amount)}`).join('；')} ·{' '}
                  {t('payments.dueDate')} {b.dueDate}
                </div>
              </div>
            ))
          ) : (
            <Typography.Paragraph type="secondary">{t('payments.noOpenBills')}</Typography.Paragraph>
          )}
          {u.history.length > 0 && (
            <Collapse
              ghost
              size="small"
              items={[
                {
                  key: 'h',
                  label: t('payments.portal.history'),
                  children: u.history.map((b) => (
                    <div key={b.id}>
                      {b.period} · {formatFen(b.billedAmount + b.adjustedAmount)}{' '}
                      <Tag color="green">{t('payments.paid')}</Tag>
                    </div>
                  )),
                },
              ]}
            />
          )}
        </Card>
      ))}
      {paid ? (
        <Alert
          type="success"
          showIcon
          data-testid="portal-paid"
          message={t('payments.portal.paidOk', { receipt: status.data?.receiptNo ?? '' })}
        />
      ) : order ? (
        <Card size="small">
          {order.sandbox && (
            <Alert type="warning" showIcon message={t('payments.sandboxHint')} style={{ marginBottom: 8 }} />
          )}
          {pay.isSuccess ? (
            <Typography.Text>{t('payments.portal.paying')}</Typography.Text>
          ) : (
            <Button
              type="primary"
              block
              loading={pay.isPending}
              onClick={() => pay.mutate(order)}
              data-testid="portal-sandbox-pay"
            >
              {t('payments.portal.payTest')} {formatFen(order.amount)}
            </Button>
          )}
        </Card>
      ) : (
        <Button
          type="primary"
          block
          disabled={!ticked.length || !provider}
          loading={create.isPending}
          onClick={() => create.mutate()}
          data-testid="portal-pay"
        >
          {t('payments.portal.payAll', { amount: formatFen(total) })}
          {provider?.sandbox ? `（${t('payments.sandbox')}）` : ''}
        </Button>
      )}
      <Card size="small" title={t('payments.portal.receipts')}>
        <List
          size="small"
          dataSource={data.payments}
          locale={{ emptyText: t('payments.none') }}
          renderItem={(p) => (
            <List.Item>
              {p.unitLabel} · {formatFen(p.amount)} · {t(`payments.method.${p.method}`)}
              <br />
              <Typography.Text type="secondary">
                {p.receiptNo} · {time(p.paidAt)}
              </Typography.Text>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('payments.portal.reminders')} data-testid="portal-reminders">
        <PortalCollectionMessages />
      </Card>
    </Space>
  );
}
