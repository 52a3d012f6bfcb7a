import { PlusOutlined } from '@ant-design/icons';
import type { DeskEntry } from '@guanjia/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { fmt, RegisterFilters, StatusTag, UnitSelect, useEntries, useRegisterFilters } from './shared';

const LOAN_STATUSES = ['借出', '已归还'];
const PATH = '/api/loans';
const CATEGORIES = ['轮椅', '雨伞', '工具', '购物车', '其他'];
const ID_KINDS = ['身份证', '驾驶证', '护照', '其他'];

/** 便民借用 (W-32): wheelchairs, umbrellas and tools lent against an ID shown. */
export default function LoansPage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const filters = useRegisterFilters('借出');
  const { q, status, page, setPage } = filters;
  const [adding, setAdding] = useState(false);
  const list = useEntries(PATH, projectId, { q, status, page });
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
        title={t('frontdesk.loans.title')}
        subTitle={t('frontdesk.loans.subtitle')}
        extra={
          can('desk.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('frontdesk.loans.add')}
            </Button>
          )
        }
      />
      <Card>
        <RegisterFilters path={PATH} statuses={LOAN_STATUSES} filters={filters} />
        <Table<DeskEntry>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 20, onChange: setPage }}
          columns={[
            { title: t('frontdesk.loans.itemName'), dataIndex: 'itemName' },
            { title: t('frontdesk.loans.borrower'), dataIndex: 'name' },
            {
              title: t('frontdesk.common.unit'),
              dataIndex: 'unitLabel',
              render: (v: string | null) => v ?? '—',
            },
            { title: t('frontdesk.common.phone'), dataIndex: 'phone' },
            {
              title: t('frontdesk.loans.idKind'),
              key: 'id',
              render: (_: unknown, r) =>
                `${String(r.details.idKind ?? '')} ****${String(r.details.idLast4 ?? '')}`,
            },
            { title: t('frontdesk.common.createdAt'), dataIndex: 'createdAt', render: fmt },
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
                r.status === '借出' && (
                  <Button size="small" type="link" onClick={() => back.mutate(r.id)}>
                    {t('frontdesk.common.return')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      {projectId && adding && <LoanModal projectId={projectId} onClose={() => setAdding(false)} />}
    </div>
  );
}

function LoanModal({ projectId, onClose }: { projectId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const onError = useApiError();
  const save = useMutation({
    mutationFn: ({ hours, ...v }: Record<string, unknown> & { hours: number }) =>
      api.post(PATH, {
        projectId,
        ...v,
        unitId: v.unitId ?? null,
        phone: v.phone ?? '',
        expectedReturnAt: new Date(Date.now() + hours * 3_600_000).toISOString(),
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
      title={t('frontdesk.loans.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ category: '轮椅', idKind: '身份证', hours: 24 }}
        onFinish={(v) => save.mutate(v)}
      >
        <Space wrap>
          <Form.Item name="category" label={t('frontdesk.loans.category')}>
            <Select style={{ width: 120 }} options={CATEGORIES.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
          <Form.Item name="itemName" label={t('frontdesk.loans.itemName')} rules={[{ required: true }]}>
            <Input maxLength={40} />
          </Form.Item>
        </Space>
        <Form.Item name="unitId" label={t('frontdesk.common.unit')}>
          <UnitSelect />
        </Form.Item>
        <Space wrap>
          <Form.Item name="borrowerName" label={t('frontdesk.loans.borrower')} rules={[{ required: true }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="phone" label={t('frontdesk.common.phone')}>
            <Input maxLength={15} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="idKind" label={t('frontdesk.loans.idKind')}>
            <Select style={{ width: 120 }} options={ID_KINDS.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
          <Form.Item name="idLast4" label={t('frontdesk.loans.idLast4')} rules={[{ required: true, len: 4 }]}>
            <Input maxLength={4} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="hours" label={`${t('frontdesk.common.dueAt')}（h）`}>
            <InputNumber min={1} max={720} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
