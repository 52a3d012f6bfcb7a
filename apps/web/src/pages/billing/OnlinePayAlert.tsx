import { formatFen } from '@guanjia/shared';
import type { OnlineOrder } from '@guanjia/shared/api';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Tag } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';

/** The desk's online order: the link the resident opens (a QR code on a real PSP), then its result. */
export function OnlinePayAlert({ order, onPaid }: { order: OnlineOrder; onPaid: () => void }) {
  const { t } = useTranslation();
  const state = useQuery({
    queryKey: ['sandbox-order', order.outTradeNo],
    queryFn: () => api.get<OnlineOrder>(`/api/payments/sandbox/${order.outTradeNo}`),
    enabled: order.sandbox,
    refetchInterval: (q) => (q.state.data?.status === 'paid' ? false : 2000),
  });
  const paid = state.data?.status === 'paid';
  const told = useRef(false);
  useEffect(() => {
    if (paid && !told.current) {
      told.current = true;
      onPaid();
    }
  }, [paid, onPaid]);
  return (
    <Alert
      type={paid ? 'success' : 'info'}
      showIcon
      message={
        paid
          ? t('payments.orderPaid', { receipt: state.data?.receiptNo ?? '' })
          : t('payments.orderCreated', { no: order.outTradeNo })
      }
      description={
        <>
          {order.sandbox && <Tag color="orange">{t('payments.sandbox')}</Tag>} {formatFen(order.amount)}
        </>
      }
      action={
        order.payUrl && !paid ? (
          <Button href={order.payUrl} target="_blank">
            {t('payments.openPayPage')}
          </Button>
        ) : null
      }
    />
  );
}
