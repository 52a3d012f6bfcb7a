import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Department } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useStaffNames } from '../../api/hooks';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';

interface Values {
  name: string;
  leaderId?: number | null;
  memberIds: number[];
  sortOrder: number;
  active: boolean;
}

/** 部门管理: the departments complaints and tickets are assigned to, with their members (staff of the project). */
export default function DepartmentsPage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const staff = useStaffNames(can('staff.read'));
  const list = useQuery({
    queryKey: ['departments', projectId, 'all'],
    queryFn: () => api.get<{ items: Department[] }>('/api/departments', { projectId, all: 'true' }),
    enabled: Boolean(projectId),
  });
  const writable = can('departments.write');
  return (
    <div>
      <PageHeader
        title={t('complaints.departments.title')}
        subTitle={t('complaints.departments.subtitle')}
        extra={
          writable && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="department-add"
            >
              {t('complaints.departments.add')}
            </Button>
          )
        }
      />
      <Card>
        <Table<Department>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description={t('complaints.departments.empty')} /> }}
          columns={[
            { title: t('complaints.departments.sortOrder'), dataIndex: 'sortOrder', width: 70 },
            {
              title: t('complaints.departments.name'),
              dataIndex: 'name',
              render: (v: string, d) => (
                <Space>
                  {v}
                  {!d.active && <Tag>{t('complaints.departments.inactive')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('complaints.departments.leader'),
              dataIndex: 'leaderId',
              render: (id: number | null, d) =>
                id ? (d.members.find((m) => m.id === id)?.name ?? staff.data?.get(id) ?? `#${id}`) : '—',
            },
            {
              title: t('complaints.departments.members'),
              dataIndex: 'members',
              render: (ms: Department['members']) => ms.map((m) => m.name).join('、') || '—',
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 90,
              render: (_: unknown, d) =>
                writable ? (
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(d)}>
                    {t('complaints.departments.edit')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      {projectId && (
        <DepartmentModal
          projectId={projectId}
          department={editing}
          staff={staff.data ?? new Map()}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}

function DepartmentModal({
  projectId,
  department,
  staff,
  onClose,
}: {
  projectId: number;
  department: Department | 'new' | null;
  staff: Map<number, string>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const existing = department && department !== 'new' ? department : null;
  const people = new Map(staff);
  for (const m of existing?.members ?? []) people.set(m.id, m.name);
  const save = useMutation({
    mutationFn: (v: Values) =>
      existing
        ? api.patch(`/api/departments/${existing.id}`, {
            ...v,
            leaderId: v.leaderId ?? null,
            version: existing.version,
          })
        : api.post('/api/departments', { ...v, leaderId: v.leaderId ?? null, projectId }),
    onSuccess: () => {
      void message.success(t('complaints.departments.saved'));
      void queryClient.invalidateQueries({ queryKey: ['departments'] });
      onClose();
    },
    onError: (error) => onError(error, { form }),
  });
  return (
    <Modal
      open={department !== null}
      title={existing ? t('complaints.departments.edit') : t('complaints.departments.add')}
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
          name: existing?.name ?? '',
          leaderId: existing?.leaderId ?? null,
          memberIds: existing?.memberIds ?? [],
          sortOrder: existing?.sortOrder ?? 0,
          active: existing?.active ?? true,
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="name"
          label={t('complaints.departments.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={40} data-testid="department-name" />
        </Form.Item>
        <Form.Item name="memberIds" label={t('complaints.departments.members')}>
          <Select
            mode="multiple"
            showSearch
            optionFilterProp="label"
            options={[...people].map(([id, name]) => ({ value: id, label: name }))}
          />
        </Form.Item>
        <Form.Item name="leaderId" label={t('complaints.departments.leader')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={[...people].map(([id, name]) => ({ value: id, label: name }))}
          />
        </Form.Item>
        <Space size="large">
          <Form.Item name="sortOrder" label={t('complaints.departments.sortOrder')}>
            <InputNumber min={0} max={1000} />
          </Form.Item>
          <Form.Item name="active" label={t('complaints.departments.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
