import { formatFen } from '@guanjia/shared';
import type { OnlineOrder } from '@guanjia/shared/api';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Result, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api } from '../../api/client';

/**
 * 测试支付: what the payer's phone shows for a sandbox order (reached by the desk's QR link or from the
 * portal). Paying asks the sandbox PSP to send its signed notification; the page then waits for it.
 */
export default function SandboxPayPage() {
  const { t } = useTranslation();
  const { outTradeNo = '' } = useParams();
  const order = useQuery({
    queryKey: ['sandbox-order', outTradeNo],
    queryFn: () => api.get<OnlineOrder>(`/api/payments/sandbox/${outTradeNo}`, undefined, { quiet401: true }),
    refetchInterval: (q) => (q.state.data?.status === 'paid' ? false : 1500),
  });
  const pay = useMutation({
    mutationFn: () => api.post<OnlineOrder>(`/api/payments/sandbox/${outTradeNo}/pay`),
  });
  const o = order.data;
  return (
    <div style={{ maxWidth: 420, margin: '40px auto', padding: 16 }}>
      <Card
        title={
          <>
            {t('payments.sandboxPage.title')} <Tag color="orange">{t('payments.sandbox')}</Tag>
          </>
        }
      >
        <Alert type="warning" showIcon message={t('payments.sandboxHint')} style={{ marginBottom: 16 }} />
        {o && (
          <>
            <Typography.Paragraph>
              {t('payments.sandboxPage.amount')}：<b style={{ fontSize: 24 }}>{formatFen(o.amount)}</b>
            </Typography.Paragraph>
            {o.status === 'paid' ? (
              <Result status="success" title={t('payments.sandboxPage.paid')} subTitle={o.receiptNo} />
            ) : pay.isSuccess ? (
              <Result status="info" title={t('payments.sandboxPage.done')} />
            ) : (
              <Button
                type="primary"
                block
                size="large"
                loading={pay.isPending}
                onClick={() => pay.mutate()}
                data-testid="sandbox-pay"
              >
                {t('payments.sandboxPage.pay')}
              </Button>
            )}
          </>
        )}
      </Card>
    </div>
  );
}
