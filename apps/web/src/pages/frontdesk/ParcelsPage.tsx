import { PlusOutlined } from '@ant-design/icons';
import type { DeskEntry } from '@guanjia/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { fmt, RegisterFilters, StatusTag, UnitSelect, useEntries, useRegisterFilters } from './shared';

const PATH = '/api/parcels';
const STATUSES = ['待取', '已取件', '已送达', '已弃置'];
const CARRIERS = ['顺丰', '京东', '中通', '圆通', '韵达', '申通', '邮政', '极兔'];

/** 代收快递: intake in three fields, pickup by code or signature, delivery to the door, the shelf list. */
export default function ParcelsPage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const filters = useRegisterFilters('待取');
  const { q, status, page, setPage } = filters;
  const [adding, setAdding] = useState(false);
  const [picking, setPicking] = useState<DeskEntry | null>(null);
  const list = useEntries(PATH, projectId, { q, status, page });
  const qc = useQueryClient();
  const onError = useApiError();
  const deliver = useMutation({
    mutationFn: (id: number) => api.post(`${PATH}/${id}/deliver`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: [PATH] }),
    onError: (e) => onError(e),
  });
  return (
    <div>
      <PageHeader
        title={t('frontdesk.parcels.title')}
        subTitle={t('frontdesk.parcels.subtitle')}
        extra={
          can('desk.write') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setAdding(true)}
              data-testid="add-parcel"
            >
              {t('frontdesk.parcels.add')}
            </Button>
          )
        }
      />
      <Card>
        <RegisterFilters path={PATH} statuses={STATUSES} filters={filters}>
          {can('export.run') && (
            <Button href={`${PATH}/shelf.xlsx?projectId=${projectId ?? ''}`} target="_blank">
              {t('frontdesk.parcels.shelfList')}
            </Button>
          )}
        </RegisterFilters>
        <Table<DeskEntry>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 20, onChange: setPage }}
          columns={[
            {
              title: t('frontdesk.parcels.shelf'),
              key: 'shelf',
              render: (_: unknown, r) => String(r.details.shelf ?? ''),
            },
            {
              title: t('frontdesk.common.unit'),
              dataIndex: 'unitLabel',
              render: (v: string | null) => v ?? '—',
            },
            { title: t('frontdesk.common.phone'), dataIndex: 'phone', render: (v: string) => v || '—' },
            {
              title: t('frontdesk.parcels.carrier'),
              key: 'carrier',
              render: (_: unknown, r) => String(r.details.carrier ?? ''),
            },
            {
              title: t('frontdesk.parcels.toDoor'),
              key: 'door',
              render: (_: unknown, r) =>
                r.details.toDoor ? <Tag color="purple">{t('frontdesk.parcels.toDoor')}</Tag> : null,
            },
            { title: t('frontdesk.common.createdAt'), dataIndex: 'createdAt', render: fmt },
            {
              title: t('frontdesk.common.status'),
              dataIndex: 'status',
              render: (v: string) => <StatusTag status={v} />,
            },
            {
              title: t('frontdesk.common.actions'),
              key: 'a',
              render: (_: unknown, r) =>
                can('desk.write') &&
                r.status === '待取' && (
                  <Space size={4}>
                    <Button size="small" type="link" onClick={() => setPicking(r)} data-testid="pickup">
                      {t('frontdesk.parcels.pickup')}
                    </Button>
                    <Button size="small" type="link" onClick={() => deliver.mutate(r.id)}>
                      {t('frontdesk.parcels.deliver')}
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      {projectId && adding && <ParcelModal projectId={projectId} onClose={() => setAdding(false)} />}
      {picking && <PickupModal parcel={picking} onClose={() => setPicking(null)} />}
    </div>
  );
}

interface Values {
  unitId?: number | null;
  phone?: string;
  carrier: string;
  shelf: string;
  toDoor: boolean;
}

function ParcelModal({ projectId, onClose }: { projectId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const onError = useApiError();
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.post<DeskEntry>(PATH, { projectId, ...v, unitId: v.unitId ?? null, phone: v.phone ?? '' }),
    onSuccess: () => {
      void message.success(t('frontdesk.common.saved'));
      void qc.invalidateQueries({ queryKey: [PATH] });
      // The next parcel of the pile: keep carrier and shelf, clear the recipient.
      form.setFieldsValue({ unitId: null, phone: '' });
    },
    onError: (e) => onError(e, { form }),
  });
  return (
    <Modal
      open
      title={t('frontdesk.parcels.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ toDoor: false }}
        onFinish={(v) => {
          if (!v.unitId && !v.phone) return message.warning(t('frontdesk.parcels.needUnitOrPhone'));
          save.mutate(v);
        }}
      >
        <Form.Item name="unitId" label={t('frontdesk.common.unit')}>
          <UnitSelect />
        </Form.Item>
        <Form.Item name="phone" label={t('frontdesk.common.phone')}>
          <Input maxLength={15} data-testid="parcel-phone" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="carrier" label={t('frontdesk.parcels.carrier')} rules={[{ required: true }]}>
            <Input list="desk-carriers" maxLength={20} style={{ width: 160 }} data-testid="parcel-carrier" />
          </Form.Item>
          <Form.Item name="shelf" label={t('frontdesk.parcels.shelf')} rules={[{ required: true }]}>
            <Input maxLength={20} style={{ width: 120 }} data-testid="parcel-shelf" />
          </Form.Item>
        </Space>
        <datalist id="desk-carriers">
          {CARRIERS.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <Form.Item name="toDoor" valuePropName="checked">
          <Checkbox>{t('frontdesk.parcels.toDoor')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PickupModal({ parcel, onClose }: { parcel: DeskEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ pickupCode?: string; signedName?: string }>();
  const qc = useQueryClient();
  const onError = useApiError();
  const save = useMutation({
    mutationFn: (v: { pickupCode?: string; signedName?: string }) =>
      api.post(`${PATH}/${parcel.id}/pickup`, {
        pickupCode: v.pickupCode || undefined,
        signedName: v.signedName || undefined,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: [PATH] });
      onClose();
    },
    onError: (e) => onError(e, { form }),
  });
  return (
    <Modal
      open
      title={t('frontdesk.parcels.pickup')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      <p>{t('frontdesk.parcels.codeOrSignature')}</p>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="pickupCode" label={t('frontdesk.parcels.pickupCode')}>
          <Input maxLength={6} />
        </Form.Item>
        <Form.Item name="signedName" label={t('frontdesk.parcels.signedName')}>
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
