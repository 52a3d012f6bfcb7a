import { PrinterOutlined, QrcodeOutlined } from '@ant-design/icons';
import { formatFen, parseYuan } from '@guanjia/shared';
import type { OnlineOrder, Payment, UnitAccount } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Empty,
  Input,
  Radio,
  Space,
  Table,
  Tag,
  Tooltip,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { OnlinePayAlert } from './OnlinePayAlert';
import { UnitPicker } from './UnitPicker';

const DESK = ['cash', 'bank_transfer', 'pos'] as const;

/** 前台收费: find the unit, tick its bills, take the money, print the receipt. */
export default function CashierPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [unitId, setUnitId] = useState<number | null>(null);
  const [ticked, setTicked] = useState<number[]>([]);
  const [amountText, setAmountText] = useState('');
  const [method, setMethod] = useState<(typeof DESK)[number]>('cash');
  const [prepay, setPrepay] = useState(false);
  const [note, setNote] = useState('');
  const [done, setDone] = useState<Payment | null>(null);
  const [order, setOrder] = useState<OnlineOrder | null>(null);
  const account = useQuery({
    queryKey: ['unit-account', unitId],
    queryFn: () => api.get<UnitAccount>(`/api/units/${unitId}/account`),
    enabled: unitId !== null,
  });
  const bills = account.data?.openBills ?? [];
  const tickedOwed = useMemo(
    () => bills.filter((b) => ticked.includes(b.id)).reduce((s, b) => s + b.balance, 0),
    [bills, ticked],
  );
  // Ticking bills fills in what they owe; the cashier may still type another amount.
  useEffect(() => setAmountText(tickedOwed ? (tickedOwed / 100).toFixed(2) : ''), [tickedOwed]);
  const amount = parseYuan(amountText);
  const valid = amount !== null && amount > 0;

  const reset = () => {
    setTicked([]);
    setNote('');
    setPrepay(false);
    void queryClient.invalidateQueries({ queryKey: ['unit-account'] });
    void queryClient.invalidateQueries({ queryKey: ['payments'] });
  };
  const take = useMutation({
    mutationFn: () =>
      api.post<Payment>('/api/payments', {
        unitId,
        billIds: ticked.length ? ticked : undefined,
        amount,
        method,
        prepay,
        note,
      }),
    onSuccess: (p) => {
      setDone(p);
      void message.success(t('payments.taken', { amount: formatFen(p.amount), receipt: p.receiptNo }));
      reset();
    },
    onError: (e) => onError(e),
  });
  const online = useMutation({
    mutationFn: () => api.post<OnlineOrder>('/api/payments/online', { billIds: ticked, provider: 'sandbox' }),
    onSuccess: setOrder,
    onError: (e) => onError(e),
  });

  const a = account.data;
  return (
    <>
      <PageHeader title={t('payments.nav.cashier')} />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <UnitPicker
          value={unitId}
          onChange={(id) => {
            setUnitId(id);
            setTicked([]);
            setDone(null);
            setOrder(null);
          }}
        />
        {done && (
          <Alert
            type="success"
            showIcon
            data-testid="payment-done"
            message={t('payments.taken', { amount: formatFen(done.amount), receipt: done.receiptNo })}
            action={
              <Button
                icon={<PrinterOutlined />}
                href={`/api/payments/${done.id}/receipt.pdf`}
                target="_blank"
                data-testid="print-receipt"
              >
                {t('payments.printReceipt')}
              </Button>
            }
          />
        )}
        {order && <OnlinePayAlert order={order} onPaid={reset} />}
        {!a ? (
          <Empty description={t('payments.pickUnit')} />
        ) : (
          <>
            <Descriptions size="small" bordered column={{ xs: 1, md: 4 }}>
              <Descriptions.Item label={t('payments.unit')}>{a.label}</Descriptions.Item>
              <Descriptions.Item label={t('payments.residents')}>
                {a.residents.map((r) => r.name).join('、') || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('payments.arrears')}>
                <Tag color={a.arrears ? 'red' : 'green'} data-testid="unit-arrears">
                  {formatFen(a.arrears)}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('payments.prepaidBalance')}>
                {formatFen(a.prepaidBalance)}
              </Descriptions.Item>
              <Descriptions.Item label={t('payments.lastPayment')} span={4}>
                {a.lastPayment
                  ? `${formatFen(a.lastPayment.amount)} · ${formatDateTime(a.lastPayment.paidAt)} · ${a.lastPayment.receiptNo}`
                  : t('payments.none')}
              </Descriptions.Item>
            </Descriptions>
            <Card size="small" title={t('payments.openBills')}>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={bills}
                locale={{ emptyText: t('payments.noOpenBills') }}
                rowSelection={{ selectedRowKeys: ticked, onChange: (keys) => setTicked(keys as number[]) }}
                columns={[
                  { title: t('payments.period'), dataIndex: 'period' },
                  { title: t('payments.dueDate'), dataIndex: 'dueDate' },
                  {
                    title: t('payments.items'),
                    render: (_, b) =>
                      b.lines.map((l) => `${l.feeItemName} ${formatFen(l.amount)}`).join('；'),
                  },
                  {
                    title: t('payments.billed'),
                    align: 'right',
                    render: (_, b) => formatFen(b.billedAmount),
                  },
                  {
                    title: t('payments.adjusted'),
                    align: 'right',
                    render: (_, b) => formatFen(b.adjustedAmount),
                  },
                  { title: t('payments.paid'), align: 'right', render: (_, b) => formatFen(b.paidAmount) },
                  {
                    title: t('payments.balance'),
                    align: 'right',
                    render: (_, b) => <b>{formatFen(b.balance)}</b>,
                  },
                ]}
              />
            </Card>
            <Card size="small">
              <Space wrap align="center">
                <Input
                  addonBefore={t('payments.amount')}
                  value={amountText}
                  onChange={(e) => setAmountText(e.target.value)}
                  status={amountText && !valid ? 'error' : undefined}
                  style={{ width: 260 }}
                  data-testid="pay-amount"
                />
                <Radio.Group
                  value={method}
                  onChange={(e) => setMethod(e.target.value as (typeof DESK)[number])}
                  optionType="button"
                  options={DESK.map((m) => ({ value: m, label: t(`payments.method.${m}`) }))}
                />
                <Tooltip title={t('payments.prepayHint')}>
                  <Checkbox
                    checked={prepay}
                    onChange={(e) => setPrepay(e.target.checked)}
                    data-testid="prepay"
                  >
                    {t('payments.prepay')}
                  </Checkbox>
                </Tooltip>
                <Input
                  placeholder={t('payments.note')}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  style={{ width: 200 }}
                />
                <Button
                  type="primary"
                  disabled={!valid}
                  loading={take.isPending}
                  onClick={() => take.mutate()}
                  data-testid="take-payment"
                >
                  {t('payments.take')}
                </Button>
                <Button
                  icon={<QrcodeOutlined />}
                  disabled={!ticked.length}
                  loading={online.isPending}
                  onClick={() => online.mutate()}
                >
                  {t('payments.qrPay')}（{t('payments.sandbox')}）
                </Button>
              </Space>
            </Card>
          </>
        )}
      </Space>
    </>
  );
}
