import { formatFen, parseYuan } from '@guanjia/shared';
import type { Refund, RefundPage, UnitAccount } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Radio, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { UnitPicker } from './UnitPicker';

/** 退款 (财务): a unit's prepaid balance or a paid deposit (装修押金), never more than was paid. */
export default function RefundsPage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [unitId, setUnitId] = useState<number | null>(null);
  const [kind, setKind] = useState<'prepaid' | 'deposit'>('deposit');
  const [billId, setBillId] = useState<number | undefined>();
  const [amountText, setAmountText] = useState('');
  const [method, setMethod] = useState<'cash' | 'bank_transfer' | 'pos'>('bank_transfer');
  const [reason, setReason] = useState('');
  const list = useQuery({
    queryKey: ['refunds', projectId, page],
    queryFn: () =>
      api.get<RefundPage>('/api/refunds', { projectId: projectId ?? undefined, page, pageSize: 20 }),
    enabled: Boolean(projectId),
  });
  const account = useQuery({
    queryKey: ['unit-account', unitId],
    queryFn: () => api.get<UnitAccount>(`/api/units/${unitId}/account`),
    enabled: unitId !== null,
  });
  const refundable =
    kind === 'prepaid'
      ? (account.data?.prepaidBalance ?? 0)
      : (account.data?.deposits.find((d) => d.billId === billId)?.refundable ?? 0);
  const amount = parseYuan(amountText);
  const create = useMutation({
    mutationFn: () =>
      api.post<Refund>('/api/refunds', {
        unitId,
        kind,
        billId: kind === 'deposit' ? billId : undefined,
        amount,
        method,
        reason,
      }),
    onSuccess: (r) => {
      void message.success(t('payments.refund.done', { amount: formatFen(r.amount) }));
      setAmountText('');
      setReason('');
      void queryClient.invalidateQueries({ queryKey: ['refunds'] });
      void queryClient.invalidateQueries({ queryKey: ['unit-account'] });
    },
    onError: (e) => onError(e),
  });
  return (
    <>
      <PageHeader title={t('payments.nav.refunds')} />
      {can('billing.finance') && (
        <Card size="small" title={t('payments.refund.create')} style={{ marginBottom: 16 }}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <UnitPicker value={unitId} onChange={setUnitId} />
            <Radio.Group
              value={kind}
              onChange={(e) => setKind(e.target.value as 'prepaid' | 'deposit')}
              options={(['deposit', 'prepaid'] as const).map((k) => ({
                value: k,
                label: t(`payments.refundKind.${k}`),
              }))}
            />
            {kind === 'deposit' && (
              <Select
                style={{ width: 360 }}
                placeholder={t('payments.refund.bill')}
                value={billId}
                onChange={setBillId}
                notFoundContent={t('payments.refund.noDeposits')}
                options={(account.data?.deposits ?? []).map((d) => ({
                  value: d.billId,
                  label: `${d.period} ${d.description} · ${formatFen(d.refundable)}`,
                }))}
              />
            )}
            <Space wrap>
              <Input
                addonBefore={t('payments.amount')}
                addonAfter={`${t('payments.refund.refundable')} ${formatFen(refundable)}`}
                value={amountText}
                onChange={(e) => setAmountText(e.target.value)}
                style={{ width: 380 }}
              />
              <Radio.Group
                optionType="button"
                value={method}
                onChange={(e) => setMethod(e.target.value as typeof method)}
                options={(['cash', 'bank_transfer', 'pos'] as const).map((m) => ({
                  value: m,
                  label: t(`payments.method.${m}`),
                }))}
              />
            </Space>
            <Input.TextArea
              placeholder={t('payments.refund.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <Button
              type="primary"
              danger
              disabled={!unitId || !amount || amount <= 0 || reason.trim().length < 2}
              loading={create.isPending}
              onClick={() => create.mutate()}
            >
              {t('payments.refund.create')}
            </Button>
          </Space>
        </Card>
      )}
      <Table
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('payments.unit'), dataIndex: 'unitLabel' },
          { title: t('payments.refund.kind'), render: (_, r) => t(`payments.refundKind.${r.kind}`) },
          { title: t('payments.amount'), align: 'right', render: (_, r) => formatFen(r.amount) },
          { title: t('payments.methodLabel'), render: (_, r) => t(`payments.method.${r.method}`) },
          { title: t('payments.refund.reason'), dataIndex: 'reason' },
          { title: t('payments.refund.by'), render: (_, r) => r.refundedByName ?? '—' },
          { title: t('payments.refund.at'), render: (_, r) => formatDateTime(r.refundedAt) },
        ]}
      />
    </>
  );
}
