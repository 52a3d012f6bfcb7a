import { formatFen } from '@guanjia/shared';
import type { Payment, PaymentPage } from '@guanjia/shared/api';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Input, Modal, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { ExportButton } from '../../components/ExportButton';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';

const METHODS = ['cash', 'bank_transfer', 'pos', 'online', 'prepaid'] as const;

/** 缴费记录: every receipt, filtered and exported; finance reverses (冲正) a wrong one. */
export default function PaymentsPage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [method, setMethod] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [q, setQ] = useState('');
  const [reversing, setReversing] = useState<Payment | null>(null);
  const [reason, setReason] = useState('');
  const query = {
    projectId: projectId ?? undefined,
    method,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
    q: q.trim() || undefined,
    page,
    pageSize: 20,
  };
  const list = useQuery({
    queryKey: ['payments', query],
    queryFn: () => api.get<PaymentPage>('/api/payments', query),
    enabled: Boolean(projectId),
    placeholderData: keepPreviousData,
  });
  const reverse = useMutation({
    mutationFn: () => api.post<Payment>(`/api/payments/${reversing?.id}/reverse`, { reason }),
    onSuccess: () => {
      void message.success(t('payments.reverseDone'));
      setReversing(null);
      setReason('');
      void queryClient.invalidateQueries({ queryKey: ['payments'] });
    },
    onError: (e) => onError(e),
  });
  return (
    <>
      <PageHeader
        title={t('payments.nav.records')}
        extra={<ExportButton path="/api/payments" query={{ ...query, format: 'xlsx' }} />}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          value={range}
          onChange={(v) => {
            setRange(v);
            setPage(1);
          }}
        />
        <Select
          allowClear
          placeholder={t('payments.allMethods')}
          style={{ width: 160 }}
          value={method}
          onChange={(v?: string) => {
            setMethod(v);
            setPage(1);
          }}
          options={METHODS.map((m) => ({ value: m, label: t(`payments.method.${m}`) }))}
        />
        <Input.Search allowClear placeholder={t('payments.keyword')} onSearch={setQ} style={{ width: 220 }} />
      </Space>
      <Table
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t('payments.receiptNo'),
            dataIndex: 'receiptNo',
            render: (no: string, p) => (
              <a href={`/api/payments/${p.id}/receipt.pdf`} target="_blank" rel="noopener">
                {no}
              </a>
            ),
          },
          { title: t('payments.unit'), dataIndex: 'unitLabel' },
          {
            title: t('payments.methodLabel'),
            render: (_, p) => (
              <>
                {t(`payments.method.${p.method}`)}
                {p.provider === 'sandbox' && <Tag color="orange">{t('payments.sandbox')}</Tag>}
              </>
            ),
          },
          { title: t('payments.amount'), align: 'right', render: (_, p) => formatFen(p.amount) },
          {
            title: t('payments.toPrepaid'),
            align: 'right',
            render: (_, p) => (p.prepaidAmount ? formatFen(p.prepaidAmount) : ''),
          },
          {
            title: t('payments.allocations'),
            render: (_, p) => p.allocations.map((a) => `${a.period} ${formatFen(a.amount)}`).join('；'),
          },
          { title: t('payments.cashier'), render: (_, p) => p.cashierName ?? t('payments.system') },
          { title: t('payments.paidAt'), render: (_, p) => formatDateTime(p.paidAt) },
          {
            title: '',
            render: (_, p) =>
              p.reversalOf ? (
                <Tag>{t('payments.isReversal')}</Tag>
              ) : p.reversedBy ? (
                <Tag color="red">{t('payments.reversed')}</Tag>
              ) : can('billing.finance') ? (
                <Button size="small" danger onClick={() => setReversing(p)}>
                  {t('payments.reverse')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        open={reversing !== null}
        title={`${t('payments.reverse')} ${reversing?.receiptNo ?? ''}`}
        onCancel={() => setReversing(null)}
        onOk={() => reverse.mutate()}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: reverse.isPending }}
      >
        <p>{t('payments.reverseConfirm')}</p>
        <Input.TextArea
          placeholder={t('payments.reverseReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}
