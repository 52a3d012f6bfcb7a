import { PlusOutlined } from '@ant-design/icons';
import type { Contractor } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { ExportButton } from '../../components/ExportButton';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { ContractorDrawer, ExpiryTag, GradeTag } from './ContractorDrawer';

/** 维保单位: the contractor list with contract expiry and last score; the drawer holds the rest. */
export default function ContractorsPage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const list = useQuery({
    queryKey: ['contractors', projectId, q, page],
    queryFn: () =>
      api.get<{ items: Contractor[]; total: number }>('/api/contractors', {
        projectId,
        q: q || undefined,
        page,
        pageSize: 20,
      }),
    enabled: Boolean(projectId),
  });
  return (
    <div>
      <PageHeader
        title={t('contractors.title')}
        subTitle={t('contractors.subtitle')}
        extra={
          can('assets.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('contractors.add')}
            </Button>
          )
        }
      />
      <Card>
        <Space style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            onSearch={(v) => {
              setQ(v);
              setPage(1);
            }}
            style={{ width: 240 }}
          />
          <ExportButton path="/api/contractors/export.xlsx" query={{ projectId, q: q || undefined }} />
        </Space>
        <Table<Contractor>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 20, onChange: setPage }}
          onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('contractors.name'),
              dataIndex: 'name',
              render: (v: string, c) => (
                <Space>
                  {v}
                  {!c.active && <Tag>{t('patrol.inactive')}</Tag>}
                </Space>
              ),
            },
            { title: t('contractors.trade'), dataIndex: 'trade' },
            { title: t('contractors.systems'), dataIndex: 'systems', render: (v: string[]) => v.join('、') },
            {
              title: t('contractors.contacts'),
              dataIndex: 'contacts',
              render: (v: Contractor['contacts']) => v.map((p) => `${p.name} ${p.phone}`).join('；'),
            },
            {
              title: t('contractors.contractEnd'),
              key: 'end',
              render: (_: unknown, c) => {
                const k = c.contracts[0];
                return k ? (
                  <Space>
                    {k.endsOn}
                    <ExpiryTag contract={k} />
                  </Space>
                ) : (
                  '—'
                );
              },
            },
            {
              title: t('contractors.lastScore'),
              key: 's',
              render: (_: unknown, c) =>
                c.lastScore === null ? (
                  '—'
                ) : (
                  <Space>
                    {c.lastScore}
                    <GradeTag grade={c.lastGrade} />
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      {openId && <ContractorDrawer id={openId} onClose={() => setOpenId(null)} />}
      {projectId && adding && <ContractorModal projectId={projectId} onClose={() => setAdding(false)} />}
    </div>
  );
}

interface Values {
  name: string;
  trade: string;
  systems: string[];
  contactName?: string;
  contactPhone?: string;
  contactRole?: string;
  credentials?: string;
}

function ContractorModal({ projectId, onClose }: { projectId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.post('/api/contractors', {
        projectId,
        name: v.name,
        trade: v.trade,
        systems: v.systems ?? [],
        credentials: v.credentials ?? '',
        contacts:
          v.contactName && v.contactPhone
            ? [{ name: v.contactName, phone: v.contactPhone, role: v.contactRole ?? '' }]
            : [],
      }),
    onSuccess: () => {
      void message.success(t('contractors.saved'));
      void queryClient.invalidateQueries({ queryKey: ['contractors'] });
      onClose();
    },
    onError: (error) => onError(error, { form }),
  });
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <Modal
      open
      title={t('contractors.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="name" label={t('contractors.name')} rules={required}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="trade" label={t('contractors.trade')} rules={required}>
          <Input maxLength={30} placeholder="电梯维保" />
        </Form.Item>
        <Form.Item name="systems" label={t('contractors.systems')}>
          <Select
            mode="tags"
            options={['电梯', '消防', '供配电', '给排水', '空调暖通', '弱电/监控', '门禁', '园林'].map(
              (v) => ({ value: v, label: v }),
            )}
          />
        </Form.Item>
        <Space>
          <Form.Item name="contactName" label={t('contractors.contactName')}>
            <Input />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('contractors.contactPhone')}>
            <Input />
          </Form.Item>
          <Form.Item name="contactRole" label={t('contractors.contactRole')}>
            <Input />
          </Form.Item>
        </Space>
        <Form.Item name="credentials" label={t('contractors.credentials')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
