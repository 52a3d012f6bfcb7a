import type { Zone } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useBuildings, useStaffNames } from '../../api/hooks';
import { useAuth } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';

/** 片区管理: zones of the project with their buildings, butler and deputy; and which users a zone limits. */
export default function ZonesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { projectId, can } = useAuth();
  const qc = useQueryClient();
  const zones = useQuery({
    queryKey: ['zones', projectId],
    queryFn: () => api.get<{ items: Zone[] }>('/api/zones', { projectId: projectId ?? undefined }),
    enabled: Boolean(projectId),
  });
  const buildings = useBuildings(projectId);
  const names = useStaffNames();
  const staff = [...(names.data ?? new Map<number, string>())].map(([value, label]) => ({ value, label }));
  const [editing, setEditing] = useState<Zone | 'new' | null>(null);
  const [scopeOpen, setScopeOpen] = useState(false);
  const [form] = Form.useForm();
  const [scopeForm] = Form.useForm();
  const refresh = () => void qc.invalidateQueries({ queryKey: ['zones'] });
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      editing === 'new'
        ? api.post('/api/zones', { ...v, projectId })
        : api.patch(`/api/zones/${(editing as Zone).id}`, { ...v, version: (editing as Zone).version }),
    onSuccess: () => {
      void message.success(t('common.saved'));
      setEditing(null);
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (z: Zone) => api.delete(`/api/zones/${z.id}`, { version: z.version }),
    onSuccess: refresh,
  });
  const saveScope = useMutation({
    mutationFn: (v: { userId: number; zoneIds: number[] }) =>
      api.put(`/api/zone-scopes/${v.userId}`, { zoneIds: v.zoneIds ?? [] }),
    onSuccess: () => {
      void message.success(t('common.saved'));
      setScopeOpen(false);
    },
  });
  const open = (z: Zone | 'new') => {
    setEditing(z);
    form.setFieldsValue(
      z === 'new'
        ? { code: '', name: '', buildingIds: [], butlerId: null, deputyId: null }
        : { ...z, buildingIds: z.buildings.map((b) => b.id) },
    );
  };
  const writable = can('zones.write');
  return (
    <>
      <PageHeader
        title={t('surveys.zones.title')}
        subTitle={t('surveys.zones.subtitle')}
        extra={
          writable && (
            <Space>
              <Button onClick={() => setScopeOpen(true)} data-testid="zone-scope">
                {t('surveys.zones.scope')}
              </Button>
              <Button type="primary" onClick={() => open('new')} data-testid="zone-new">
                {t('surveys.zones.create')}
              </Button>
            </Space>
          )
        }
      />
      <Table<Zone>
        rowKey="id"
        loading={zones.isLoading}
        dataSource={zones.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('surveys.zones.code'), dataIndex: 'code', width: 80 },
          { title: t('surveys.zones.name'), dataIndex: 'name' },
          { title: t('surveys.zones.butler'), dataIndex: 'butlerName', render: (v) => v ?? '—' },
          { title: t('surveys.zones.deputy'), dataIndex: 'deputyName', render: (v) => v ?? '—' },
          {
            title: t('surveys.zones.buildings'),
            render: (_, z) => z.buildings.map((b) => b.name).join('、') || '—',
          },
          { title: t('surveys.zones.households'), dataIndex: 'households', width: 90 },
          {
            title: '',
            width: 140,
            render: (_, z) =>
              writable && (
                <Space>
                  <Button size="small" onClick={() => open(z)}>
                    {t('common.edit')}
                  </Button>
                  <Popconfirm title={t('surveys.zones.confirmDelete')} onConfirm={() => remove.mutate(z)}>
                    <Button size="small" danger>
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('surveys.zones.create') : t('common.edit')}
        onCancel={() => setEditing(null)}
        onOk={() =>
          form.validateFields().then(
            (v) => save.mutate(v),
            () => undefined,
          )
        }
        confirmLoading={save.isPending}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="code" label={t('surveys.zones.code')} rules={[{ required: true }]}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="name" label={t('surveys.zones.name')} rules={[{ required: true }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="butlerId" label={t('surveys.zones.butler')}>
            <Select allowClear showSearch optionFilterProp="label" options={staff} />
          </Form.Item>
          <Form.Item name="deputyId" label={t('surveys.zones.deputy')}>
            <Select allowClear showSearch optionFilterProp="label" options={staff} />
          </Form.Item>
          <Form.Item name="buildingIds" label={t('surveys.zones.buildings')}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={(buildings.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={scopeOpen}
        title={t('surveys.zones.scope')}
        onCancel={() => setScopeOpen(false)}
        onOk={() =>
          scopeForm.validateFields().then(
            (v) => saveScope.mutate(v),
            () => undefined,
          )
        }
      >
        <p>{t('surveys.zones.scopeHint')}</p>
        <Form form={scopeForm} layout="vertical">
          <Form.Item name="userId" label={t('surveys.zones.user')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={staff}
              onChange={(userId: number) =>
                void api
                  .get<{ zoneIds: number[] }>(`/api/zone-scopes/${userId}`)
                  .then((s) => scopeForm.setFieldValue('zoneIds', s.zoneIds))
              }
            />
          </Form.Item>
          <Form.Item name="zoneIds" label={t('surveys.zones.title')}>
            <Select
              mode="multiple"
              options={(zones.data?.items ?? []).map((z) => ({ value: z.id, label: z.name }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
