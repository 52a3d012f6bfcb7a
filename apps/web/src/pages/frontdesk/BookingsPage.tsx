import { PlusOutlined } from '@ant-design/icons';
import { BOOKING_STATES, type Booking, FACILITY_KINDS, type Facility } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { ExportButton } from '../../components/ExportButton';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { EChart } from '../billing/EChart';

const fmt = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));

/** 场地预约 (§1.8): the bookings (check-in, cancel) with a chart per facility, and the facilities' rules. */
export default function BookingsPage() {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  return (
    <div>
      <PageHeader title={t('fds.bk.title')} subTitle={t('fds.bk.subtitle')} />
      <Tabs
        items={[
          {
            key: 'bookings',
            label: t('fds.bk.bookings'),
            children: projectId ? <BookingList projectId={projectId} /> : null,
          },
          {
            key: 'resources',
            label: t('fds.bk.resources'),
            children: projectId ? <Resources projectId={projectId} /> : null,
          },
        ]}
      />
    </div>
  );
}

function BookingList({ projectId }: { projectId: number }) {
  const { t } = useTranslation();
  const onError = useApiError();
  const qc = useQueryClient();
  const { can } = useAuth();
  const [state, setState] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['bookings', projectId, state, page],
    queryFn: () =>
      api.get<{ items: Booking[]; total: number }>('/api/bookings', { projectId, state, page, pageSize: 50 }),
  });
  const act = useMutation({
    mutationFn: ({ id, what }: { id: number; what: 'checkin' | 'cancel' }) =>
      api.post(`/api/bookings/${id}/${what}`, what === 'cancel' ? { override: true } : undefined),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['bookings'] }),
    onError: (e) => onError(e),
  });
  const items = list.data?.items ?? [];
  const names = [...new Set(items.map((b) => b.facilityName))];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('fds.bk.chart')}>
        <EChart
          height={220}
          option={{
            tooltip: {},
            legend: {},
            xAxis: { type: 'category', data: names },
            yAxis: { type: 'value', minInterval: 1 },
            series: [
              {
                name: t('fds.bk.bookings'),
                type: 'bar',
                data: names.map((n) => items.filter((b) => b.facilityName === n).length),
              },
              {
                name: t('fds.bk.noShows'),
                type: 'bar',
                data: names.map(
                  (n) => items.filter((b) => b.facilityName === n && b.state === 'no_show').length,
                ),
              },
            ],
          }}
        />
      </Card>
      <Card>
        <Space style={{ marginBottom: 12 }}>
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('fds.state')}
            value={state}
            onChange={(v?: string) => setState(v)}
            options={BOOKING_STATES.map((s) => ({ value: s, label: t(`fds.bk.states.${s}`) }))}
          />
          <ExportButton path="/api/bookings/export.xlsx" query={{ projectId, state }} />
        </Space>
        <Table<Booking>
          rowKey="id"
          loading={list.isLoading}
          dataSource={items}
          pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 50, onChange: setPage }}
          columns={[
            { title: t('fds.bk.facility'), dataIndex: 'facilityName' },
            { title: t('fds.unit'), dataIndex: 'unitLabel' },
            {
              title: t('fds.bk.contact'),
              key: 'c',
              render: (_: unknown, b) => `${b.contactName} ${b.contactPhone}`,
            },
            {
              title: t('fds.bk.time'),
              key: 't',
              render: (_: unknown, b) => `${fmt(b.startsAt)} – ${fmt(b.endsAt).slice(-5)}`,
            },
            {
              title: t('fds.state'),
              dataIndex: 'state',
              render: (s: string) => <Tag>{t(`fds.bk.states.${s}`)}</Tag>,
            },
            {
              title: t('fds.bk.fee'),
              key: 'fee',
              render: (_: unknown, b) =>
                b.billId ? (
                  <Link to={`/billing/bills?bill=${b.billId}`}>{`¥${(b.feeFen / 100).toFixed(2)}`}</Link>
                ) : (
                  '—'
                ),
            },
            {
              title: t('fds.actions'),
              key: 'a',
              render: (_: unknown, b) =>
                can('desk.write') && (
                  <Space>
                    {b.state === 'confirmed' && (
                      <Button size="small" onClick={() => act.mutate({ id: b.id, what: 'checkin' })}>
                        {t('fds.bk.checkin')}
                      </Button>
                    )}
                    {(b.state === 'confirmed' || b.state === 'pending') && (
                      <Button size="small" danger onClick={() => act.mutate({ id: b.id, what: 'cancel' })}>
                        {t('fds.bk.cancel')}
                      </Button>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

function Resources({ projectId }: { projectId: number }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [adding, setAdding] = useState(false);
  const list = useQuery({
    queryKey: ['facilities', projectId],
    queryFn: () => api.get<{ items: Facility[] }>('/api/facilities', { projectId }),
  });
  return (
    <Card
      extra={
        can('facilities.manage') && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('fds.bk.addResource')}
          </Button>
        )
      }
    >
      <Table<Facility>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('fds.bk.name'), dataIndex: 'name' },
          { title: t('fds.bk.kind'), dataIndex: 'kind', render: (k: string) => t(`fds.bk.kinds.${k}`) },
          { title: t('fds.bk.hours'), key: 'h', render: (_: unknown, f) => `${f.openFrom}–${f.openTo}` },
          { title: t('fds.bk.slot'), dataIndex: 'slotMinutes' },
          { title: t('fds.bk.capacity'), dataIndex: 'capacity' },
          { title: t('fds.bk.quota'), dataIndex: 'weeklyQuota', render: (v: number) => v || '∞' },
          { title: t('fds.bk.approval'), dataIndex: 'needsApproval', render: (v: boolean) => (v ? '✓' : '') },
          { title: t('fds.bk.fee'), dataIndex: 'feePerSlotFen' },
        ]}
      />
      {adding && <ResourceModal projectId={projectId} onClose={() => setAdding(false)} />}
    </Card>
  );
}

function ResourceModal({ projectId, onClose }: { projectId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const onError = useApiError();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post('/api/facilities', { ...v, projectId }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['facilities'] });
      onClose();
    },
    onError: (e) => onError(e),
  });
  return (
    <Modal
      open
      title={t('fds.bk.addResource')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          kind: 'gym',
          openFrom: '06:00',
          openTo: '22:00',
          slotMinutes: 60,
          capacity: 1,
          weeklyQuota: 0,
          needsApproval: false,
          feePerSlotFen: 0,
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="name" label={t('fds.bk.name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('fds.bk.kind')}>
          <Select options={FACILITY_KINDS.map((k) => ({ value: k, label: t(`fds.bk.kinds.${k}`) }))} />
        </Form.Item>
        <Space>
          <Form.Item name="openFrom" label={t('fds.bk.hours')}>
            <Input style={{ width: 90 }} />
          </Form.Item>
          <Form.Item name="openTo" label=" ">
            <Input style={{ width: 90 }} />
          </Form.Item>
          <Form.Item name="slotMinutes" label={t('fds.bk.slot')}>
            <InputNumber min={5} max={240} />
          </Form.Item>
          <Form.Item name="capacity" label={t('fds.bk.capacity')}>
            <InputNumber min={1} max={50} />
          </Form.Item>
        </Space>
        <Space>
          <Form.Item name="weeklyQuota" label={t('fds.bk.quota')}>
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item name="feePerSlotFen" label={t('fds.bk.fee')}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="needsApproval" label={t('fds.bk.approval')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
