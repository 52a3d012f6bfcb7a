import type { Bill, BillAdjustment, Page } from '@guanjia/shared/api';
import { BILL_STATUS_VALUES } from '@guanjia/shared/api';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Empty, Select, Space, Table, Tabs, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useBuildings } from '../../api/hooks';
import { useAuth } from '../../auth/AuthProvider';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { AdjustmentStateTag, DecideButtons } from './AdjustmentBits';
import { BillDrawer } from './BillDrawer';
import { yuan } from './money';

const STATUS_COLORS: Record<Bill['status'], string> = { unpaid: 'red', partial: 'orange', paid: 'green' };

/** 账单: bills with filters and Excel export; a bill's detail; the approval queue of 减免/核销. */
export default function BillsPage() {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  // ?bill=ID opens one bill, e.g. from a decoration deposit or a facility booking.
  const [params] = useSearchParams();
  const [open, setOpen] = useState<number | null>(Number(params.get('bill')) || null);
  if (!projectId) return <Empty description={t('billing.noProject')} />;
  return (
    <div>
      <PageHeader title={t('billing.bills.title')} subTitle={t('billing.bills.subtitle')} />
      <Card>
        <Tabs
          destroyOnHidden
          items={[
            {
              key: 'bills',
              label: t('billing.bills.title'),
              children: <BillList projectId={projectId} onOpen={setOpen} />,
            },
            {
              key: 'approvals',
              label: t('billing.bills.approvals'),
              children: <Approvals projectId={projectId} onOpen={setOpen} />,
            },
          ]}
        />
      </Card>
      <BillDrawer billId={open} onClose={() => setOpen(null)} />
    </div>
  );
}

function BillList({ projectId, onOpen }: { projectId: number; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const buildings = useBuildings(projectId);
  const [page, setPage] = useState(1);
  const [period, setPeriod] = useState<Dayjs | null>(null);
  const [status, setStatus] = useState<Bill['status'] | undefined>();
  const [buildingId, setBuildingId] = useState<number | undefined>();
  const query = { projectId, period: period?.format('YYYY-MM'), status, buildingId };
  const list = useQuery({
    queryKey: ['bills', query, page],
    queryFn: () => api.get<Page<Bill>>('/api/bills', { ...query, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <DatePicker
          picker="month"
          value={period}
          onChange={(v) => {
            setPeriod(v);
            setPage(1);
          }}
          placeholder={t('billing.bills.period')}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('billing.bills.building')}
          value={buildingId}
          onChange={(v) => {
            setBuildingId(v);
            setPage(1);
          }}
          options={(buildings.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
        />
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t('billing.bills.status')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={BILL_STATUS_VALUES.map((s) => ({ value: s, label: t(`billing.statuses.${s}`) }))}
          data-testid="bill-status-filter"
        />
        <ExportButton path="/api/bills" query={{ ...query, format: 'xlsx' }} />
      </Space>
      <Table<Bill>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('billing.bills.period'), dataIndex: 'period', width: 90 },
          { title: t('billing.bills.unit'), dataIndex: 'unitLabel', width: 120 },
          { title: t('billing.bills.building'), dataIndex: 'buildingName', width: 100 },
          {
            title: t('billing.bills.billed'),
            dataIndex: 'billedAmount',
            align: 'right',
            render: (v: number) => yuan(v),
          },
          {
            title: t('billing.bills.adjusted'),
            dataIndex: 'adjustedAmount',
            align: 'right',
            render: (v: number) => yuan(v),
          },
          {
            title: t('billing.bills.paid'),
            dataIndex: 'paidAmount',
            align: 'right',
            render: (v: number) => yuan(v),
          },
          {
            title: t('billing.bills.balance'),
            dataIndex: 'balance',
            align: 'right',
            render: (v: number) => <strong>{yuan(v)}</strong>,
          },
          {
            title: t('billing.bills.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: Bill['status']) => <Tag color={STATUS_COLORS[s]}>{t(`billing.statuses.${s}`)}</Tag>,
          },
          { title: t('billing.bills.dueDate'), dataIndex: 'dueDate', width: 110 },
        ]}
      />
    </Space>
  );
}

type QueueItem = BillAdjustment & { unitLabel: string; period: string };

function Approvals({ projectId, onOpen }: { projectId: number; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: ['bill-adjustments', projectId],
    queryFn: () =>
      api.get<Page<QueueItem>>('/api/bill-adjustments', { projectId, status: 'pending', pageSize: 100 }),
  });
  return (
    <Table<QueueItem>
      rowKey="id"
      loading={list.isLoading}
      dataSource={list.data?.items ?? []}
      pagination={false}
      columns={[
        {
          title: t('billing.bills.unit'),
          dataIndex: 'unitLabel',
          render: (v: string, r) => (
            <Button type="link" onClick={() => onOpen(r.billId)}>
              {v}
            </Button>
          ),
        },
        { title: t('billing.bills.period'), dataIndex: 'period' },
        {
          title: t('billing.bills.kind'),
          dataIndex: 'kind',
          render: (k: QueueItem['kind']) => t(`billing.adjustmentKinds.${k}`),
        },
        {
          title: t('billing.bills.amount'),
          dataIndex: 'amount',
          align: 'right',
          render: (v: number) => yuan(v),
        },
        { title: t('billing.bills.reason'), dataIndex: 'reason' },
        { title: t('billing.bills.requestedBy'), dataIndex: 'requestedByName' },
        {
          title: t('billing.bills.state'),
          key: 'state',
          render: (_: unknown, a) => <AdjustmentStateTag adjustment={a} />,
        },
        { key: 'decide', render: (_: unknown, a) => <DecideButtons adjustment={a} /> },
      ]}
    />
  );
}
