import { PlusOutlined } from '@ant-design/icons';
import type { DeskItem, Page } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { fmt, StatusTag, UnitSelect } from './shared';

const PATH = '/api/keys';
const CATEGORIES = ['户内钥匙', '设备房', '单元门', '其他'];

/** 钥匙: the key cabinet — custody keys of units and equipment rooms, sign-out with signature, return. */
export default function KeysPage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [out, setOut] = useState<DeskItem | null>(null);
  const list = useQuery({
    queryKey: [PATH, projectId, q, page],
    queryFn: () => api.get<Page<DeskItem>>(PATH, { projectId, q: q || undefined, page, pageSize: 20 }),
    enabled: Boolean(projectId),
  });
  const qc = useQueryClient();
  const onError = useApiError();
  const back = useMutation({
    mutationFn: (id: number) => api.post(`${PATH}/${id}/return`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: [PATH] }),
    onError: (e) => onError(e),
  });
  return (
    <div>
      <PageHeader
        title={t('frontdesk.keys.title')}
        subTitle={t('frontdesk.keys.subtitle')}
        extra={
          can('desk.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('frontdesk.keys.add')}
            </Button>
          )
        }
      />
      <Card>
        <Input.Search
          allowClear
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
          style={{ width: 220, marginBottom: 12 }}
        />
        <Table<DeskItem>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 20, onChange: setPage }}
          columns={[
            { title: t('frontdesk.keys.keyName'), dataIndex: 'name' },
            { title: t('frontdesk.keys.category'), dataIndex: 'category' },
            {
              title: t('frontdesk.common.unit'),
              dataIndex: 'unitLabel',
              render: (v: string | null) => v ?? '—',
            },
            { title: t('frontdesk.keys.location'), dataIndex: 'location' },
            {
              title: t('frontdesk.keys.agreement'),
              dataIndex: 'agreementUploadId',
              render: (v: number | null) =>
                v ? (
                  <a href={`/api/uploads/${v}`} target="_blank" rel="noopener">
                    {t('frontdesk.keys.onFile')}
                  </a>
                ) : (
                  '—'
                ),
            },
            {
              title: t('frontdesk.keys.holder'),
              dataIndex: 'holder',
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('frontdesk.common.dueAt'),
              key: 'due',
              render: (_: unknown, r) => (
                <Space>
                  {fmt(r.dueAt)}
                  {r.overdue && <Tag color="red">{t('frontdesk.common.overdue')}</Tag>}
                </Space>
              ),
            },
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
                (r.status === '在库' ? (
                  <Button size="small" type="link" onClick={() => setOut(r)}>
                    {t('frontdesk.keys.checkout')}
                  </Button>
                ) : r.status === '借出' ? (
                  <Button size="small" type="link" onClick={() => back.mutate(r.id)}>
                    {t('frontdesk.common.return')}
                  </Button>
                ) : null),
            },
          ]}
        />
      </Card>
      {projectId && adding && <KeyModal projectId={projectId} onClose={() => setAdding(false)} />}
      {out && <CheckoutModal keyItem={out} onClose={() => setOut(null)} />}
    </div>
  );
}

function KeyModal({ projectId, onClose }: { projectId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const onError = useApiError();
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post(PATH, { projectId, ...v, unitId: v.unitId ?? null }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: [PATH] });
      onClose();
    },
    onError: (e) => onError(e, { form }),
  });
  return (
    <Modal
      open
      title={t('frontdesk.keys.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ category: '户内钥匙' }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="name" label={t('frontdesk.keys.keyName')} rules={[{ required: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="category" label={t('frontdesk.keys.category')}>
          <Select options={CATEGORIES.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Form.Item name="unitId" label={t('frontdesk.common.unit')}>
          <UnitSelect />
        </Form.Item>
        <Form.Item name="location" label={t('frontdesk.keys.location')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="note" label={t('frontdesk.keys.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CheckoutModal({ keyItem, onClose }: { keyItem: DeskItem; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const onError = useApiError();
  const save = useMutation({
    mutationFn: (v: {
      borrowerName: string;
      phone?: string;
      purpose?: string;
      signedName: string;
      hours: number;
    }) =>
      api.post(`${PATH}/${keyItem.id}/checkout`, {
        borrowerName: v.borrowerName,
        phone: v.phone ?? '',
        purpose: v.purpose ?? '',
        signedName: v.signedName,
        expectedReturnAt: new Date(Date.now() + v.hours * 3_600_000).toISOString(),
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
      title={`${t('frontdesk.keys.checkout')} · ${keyItem.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      <Form form={form} layout="vertical" initialValues={{ hours: 2 }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="borrowerName" label={t('frontdesk.keys.borrower')} rules={[{ required: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="phone" label={t('frontdesk.common.phone')}>
          <Input maxLength={15} />
        </Form.Item>
        <Form.Item name="purpose" label={t('frontdesk.visitors.purpose')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="hours" label={`${t('frontdesk.common.dueAt')}（h）`}>
          <InputNumber min={1} max={720} />
        </Form.Item>
        <Form.Item name="signedName" label={t('frontdesk.keys.signedName')} rules={[{ required: true }]}>
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
