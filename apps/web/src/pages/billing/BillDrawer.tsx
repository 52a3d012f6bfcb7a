import type { BillAdjustment, BillDetail, BillLine } from '@guanjia/shared/api';
import { REQUESTABLE_ADJUSTMENTS } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { AdjustmentStateTag, DecideButtons } from './AdjustmentBits';
import { yuan, yuanToFen } from './money';

/** One bill: its lines, corrections (with 减免/核销 requests and approvals) and payments. */
export function BillDrawer({ billId, onClose }: { billId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ kind: BillAdjustment['kind']; amount: number; reason: string }>();
  const bill = useQuery({
    queryKey: ['bill', billId],
    queryFn: () => api.get<BillDetail>(`/api/bills/${billId}`),
    enabled: billId !== null,
  });
  const request = useMutation({
    mutationFn: (v: { kind: string; amount: number; reason: string }) =>
      api.post(`/api/bills/${billId}/adjustments`, { ...v, amount: yuanToFen(v.amount) }),
    onSuccess: () => {
      void message.success(t('billing.bills.requested'));
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['bill', billId] });
      void queryClient.invalidateQueries({ queryKey: ['bills'] });
    },
    onError: (e) => onError(e, { form }),
  });
  const b = bill.data;
  const mayRequest = can('billing.cashier') || can('billing.finance');
  return (
    <Drawer
      open={billId !== null}
      onClose={onClose}
      width={720}
      title={t('billing.bills.detail')}
      destroyOnHidden
    >
      {b && (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label={t('billing.bills.unit')}>{b.unitLabel}</Descriptions.Item>
            <Descriptions.Item label={t('billing.bills.period')}>{b.period}</Descriptions.Item>
            <Descriptions.Item label={t('billing.bills.dueDate')}>{b.dueDate}</Descriptions.Item>
            <Descriptions.Item label={t('billing.bills.billed')}>{yuan(b.billedAmount)}</Descriptions.Item>
            <Descriptions.Item label={t('billing.bills.adjusted')}>
              {yuan(b.adjustedAmount)}
            </Descriptions.Item>
            <Descriptions.Item label={t('billing.bills.paid')}>{yuan(b.paidAmount)}</Descriptions.Item>
            <Descriptions.Item label={t('billing.bills.balance')} span={3}>
              <Typography.Text strong data-testid="bill-balance">
                {yuan(b.balance)}
              </Typography.Text>{' '}
              <Tag>{t(`billing.statuses.${b.status}`)}</Tag>
            </Descriptions.Item>
          </Descriptions>
          <Table<BillLine>
            size="small"
            rowKey="id"
            title={() => t('billing.bills.lines')}
            pagination={false}
            dataSource={b.lines}
            columns={[
              { title: t('billing.bills.item'), dataIndex: 'feeItemName' },
              { title: t('billing.bills.description'), dataIndex: 'description' },
              {
                title: t('billing.bills.quantity'),
                dataIndex: 'quantity',
                render: (q: number | null) => q ?? '—',
              },
              {
                title: t('billing.bills.amount'),
                dataIndex: 'amount',
                align: 'right',
                render: (v: number) => yuan(v),
              },
            ]}
          />
          <Table<BillAdjustment>
            size="small"
            rowKey="id"
            title={() => t('billing.bills.adjustments')}
            pagination={false}
            dataSource={b.adjustments}
            columns={[
              {
                title: t('billing.bills.kind'),
                dataIndex: 'kind',
                render: (k: BillAdjustment['kind']) => t(`billing.adjustmentKinds.${k}`),
              },
              {
                title: t('billing.bills.amount'),
                dataIndex: 'amount',
                align: 'right',
                render: (v: number) => yuan(v),
              },
              { title: t('billing.bills.reason'), dataIndex: 'reason' },
              {
                title: t('billing.bills.requestedBy'),
                dataIndex: 'requestedByName',
                render: (v: string | null) => v ?? '—',
              },
              {
                title: t('billing.bills.state'),
                key: 'state',
                render: (_: unknown, a) => <AdjustmentStateTag adjustment={a} />,
              },
              { key: 'decide', render: (_: unknown, a) => <DecideButtons adjustment={a} /> },
            ]}
          />
          <div>
            <Typography.Text strong>{t('billing.bills.allocations')}</Typography.Text>
            <div>
              {b.allocations.length
                ? b.allocations
                    .map((a) => `${a.receiptNo ?? ''} ${t(`payments.method.${a.method}`)} ${yuan(a.amount)}`)
                    .join('；')
                : t('billing.bills.noAllocations')}
            </div>
          </div>
          {mayRequest && (
            <Form
              form={form}
              layout="inline"
              onFinish={(v) => request.mutate(v)}
              initialValues={{ kind: 'discount' }}
            >
              <Form.Item name="kind">
                <Select
                  style={{ width: 130 }}
                  options={REQUESTABLE_ADJUSTMENTS.map((k) => ({
                    value: k,
                    label: t(`billing.adjustmentKinds.${k}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name="amount" rules={[{ required: true }]} tooltip={t('billing.bills.amountHint')}>
                <InputNumber
                  prefix="¥"
                  precision={2}
                  placeholder={t('billing.bills.amount')}
                  data-testid="adjust-amount"
                />
              </Form.Item>
              <Form.Item name="reason" rules={[{ required: true, min: 2 }]}>
                <Input
                  placeholder={t('billing.bills.reason')}
                  style={{ width: 200 }}
                  data-testid="adjust-reason"
                />
              </Form.Item>
              <Button htmlType="submit" loading={request.isPending} data-testid="adjust-submit">
                {t('billing.bills.request')}
              </Button>
            </Form>
          )}
        </Space>
      )}
    </Drawer>
  );
}
