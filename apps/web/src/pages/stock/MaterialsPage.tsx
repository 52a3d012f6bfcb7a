import { EditOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import type { Material, StockMovement } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Modal, Space, Switch, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { MovementModal } from './MovementModal';
import { yuan } from './money';

/** 物料库存: the catalogue with what is on hand, and every movement in and out. */
export default function MaterialsPage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const [q, setQ] = useState('');
  const [low, setLow] = useState(false);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Material | 'new' | null>(null);
  const [moving, setMoving] = useState(false);
  const list = useQuery({
    queryKey: ['materials', projectId, q, low, page],
    queryFn: () =>
      api.get<{ items: Material[]; total: number }>('/api/materials', {
        projectId,
        q: q || undefined,
        low: low ? 'true' : undefined,
        page,
        pageSize: 20,
      }),
    enabled: Boolean(projectId),
  });
  const all = useQuery({
    queryKey: ['materials', projectId, 'all'],
    queryFn: () => api.get<{ items: Material[] }>('/api/materials', { projectId, pageSize: 200 }),
    enabled: Boolean(projectId) && moving,
  });
  const writable = can('assets.write');
  return (
    <div>
      <PageHeader
        title={t('stock.title')}
        subTitle={t('stock.subtitle')}
        extra={
          writable && (
            <Space>
              <Button icon={<SwapOutlined />} onClick={() => setMoving(true)} data-testid="stock-move">
                {t('stock.newMovement')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t('stock.add')}
              </Button>
            </Space>
          )
        }
      />
      <Tabs
        items={[
          {
            key: 'materials',
            label: t('stock.tabs.materials'),
            children: (
              <Card>
                <Space style={{ marginBottom: 12 }}>
                  <Input.Search
                    allowClear
                    placeholder={t('stock.search')}
                    onSearch={(v) => {
                      setQ(v);
                      setPage(1);
                    }}
                    style={{ width: 240 }}
                  />
                  <Switch
                    checked={low}
                    onChange={(v) => {
                      setLow(v);
                      setPage(1);
                    }}
                  />{' '}
                  {t('stock.onlyLow')}
                </Space>
                <Table<Material>
                  rowKey="id"
                  loading={list.isLoading}
                  dataSource={list.data?.items ?? []}
                  pagination={{
                    current: page,
                    total: list.data?.total ?? 0,
                    pageSize: 20,
                    onChange: setPage,
                  }}
                  columns={[
                    { title: t('stock.code'), dataIndex: 'code', width: 90 },
                    { title: t('stock.name'), dataIndex: 'name' },
                    { title: t('stock.spec'), dataIndex: 'spec' },
                    { title: t('stock.category'), dataIndex: 'category', width: 70 },
                    { title: t('stock.unit'), dataIndex: 'unit', width: 60 },
                    {
                      title: t('stock.price'),
                      dataIndex: 'priceFen',
                      align: 'right',
                      render: (v: number) => yuan(v),
                    },
                    {
                      title: t('stock.onHand'),
                      dataIndex: 'onHand',
                      align: 'right',
                      render: (v: number, m) => (
                        <Space>
                          {v}
                          {v <= m.minStock && <Tag color="warning">{t('stock.low')}</Tag>}
                        </Space>
                      ),
                    },
                    { title: t('stock.minStock'), dataIndex: 'minStock', align: 'right' },
                    {
                      title: t('common.actions'),
                      key: 'a',
                      render: (_: unknown, m) =>
                        writable && (
                          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(m)} />
                        ),
                    },
                  ]}
                />
              </Card>
            ),
          },
          { key: 'movements', label: t('stock.tabs.movements'), children: <Movements /> },
        ]}
      />
      {projectId && (
        <MaterialModal projectId={projectId} material={editing} onClose={() => setEditing(null)} />
      )}
      {projectId && moving && (
        <MovementModal
          projectId={projectId}
          materials={all.data?.items ?? []}
          open={moving}
          onClose={() => setMoving(false)}
        />
      )}
    </div>
  );
}

function Movements() {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  const [page, setPage] = useState(1);
  const [workOrderNumber, setNumber] = useState('');
  const list = useQuery({
    queryKey: ['stock-movements', projectId, page, workOrderNumber],
    queryFn: () =>
      api.get<{ items: StockMovement[]; total: number }>('/api/stock-movements', {
        projectId,
        page,
        pageSize: 20,
        workOrderNumber: workOrderNumber || undefined,
      }),
    enabled: Boolean(projectId),
  });
  return (
    <Card>
      <Input.Search
        allowClear
        placeholder={t('stock.workOrderNumber')}
        onSearch={setNumber}
        style={{ width: 240, marginBottom: 12 }}
      />
      <Table<StockMovement>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 20, onChange: setPage }}
        columns={[
          { title: t('stock.occurredAt'), dataIndex: 'occurredAt', render: (v: string) => formatDateTime(v) },
          {
            title: t('stock.kind'),
            dataIndex: 'kind',
            render: (k: StockMovement['kind']) => t(`stock.kinds.${k}`),
          },
          { title: t('stock.material'), dataIndex: 'materialName' },
          {
            title: t('stock.qty'),
            dataIndex: 'delta',
            align: 'right',
            render: (v: number, m) => `${v > 0 ? '+' : ''}${v}${m.unit}`,
          },
          {
            title: t('stock.workOrderNumber'),
            dataIndex: 'workOrderNumber',
            render: (v: string | null) => v ?? '—',
          },
          { title: t('stock.note'), dataIndex: 'note' },
          { title: t('stock.by'), dataIndex: 'byName', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Card>
  );
}

interface Values {
  code: string;
  name: string;
  spec: string;
  unit: string;
  category: string;
  price: number;
  minStock: number;
  active: boolean;
}

function MaterialModal({
  projectId,
  material,
  onClose,
}: {
  projectId: number;
  material: Material | 'new' | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const existing = material && material !== 'new' ? material : null;
  const save = useMutation({
    mutationFn: ({ price, ...v }: Values) => {
      const body = { ...v, priceFen: Math.round(price * 100) };
      return existing
        ? api.patch(`/api/materials/${existing.id}`, { ...body, version: existing.version })
        : api.post('/api/materials', { ...body, projectId });
    },
    onSuccess: () => {
      void message.success(t('stock.saved'));
      void queryClient.invalidateQueries({ queryKey: ['materials'] });
      onClose();
    },
    onError: (error) => onError(error, { form }),
  });
  return (
    <Modal
      open={material !== null}
      title={existing ? t('stock.edit') : t('stock.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          code: existing?.code ?? '',
          name: existing?.name ?? '',
          spec: existing?.spec ?? '',
          unit: existing?.unit ?? '个',
          category: existing?.category ?? '',
          price: (existing?.priceFen ?? 0) / 100,
          minStock: existing?.minStock ?? 0,
          active: existing?.active ?? true,
        }}
        onFinish={(v) => save.mutate(v)}
      >
        {(['code', 'name', 'spec', 'unit', 'category'] as const).map((f) => (
          <Form.Item
            key={f}
            name={f}
            label={t(`stock.${f}`)}
            rules={
              f === 'spec' || f === 'category'
                ? []
                : [{ required: true, whitespace: true, message: t('validation.required') }]
            }
          >
            <Input maxLength={60} />
          </Form.Item>
        ))}
        <Space>
          <Form.Item name="price" label={t('stock.price')}>
            <InputNumber min={0} precision={2} prefix="¥" />
          </Form.Item>
          <Form.Item name="minStock" label={t('stock.minStock')}>
            <InputNumber min={0} precision={0} />
          </Form.Item>
          {existing && (
            <Form.Item name="active" label={t('patrol.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Space>
      </Form>
    </Modal>
  );
}
