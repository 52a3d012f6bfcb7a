import type { MessageTemplate } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';

// Local lists: importing values from the schema module would put zod in the console's bundle.
const KINDS = ['短信', '公告'] as const satisfies readonly MessageTemplate['kind'][];
const VARIABLES = ['小区', '楼栋', '开始时间', '结束时间', '原因', '服务电话'].map((v) => `{${v}}`).join(' ');

interface Values {
  scope: 'company' | 'project';
  code: string;
  kind: MessageTemplate['kind'];
  name: string;
  body: string;
}

/** 消息模板: company-wide texts with {变量}, overridden per project under the same code. */
export default function TemplatesPage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<MessageTemplate | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const list = useQuery({
    queryKey: ['message-templates', 'all'],
    queryFn: () => api.get<{ items: MessageTemplate[] }>('/api/message-templates'),
  });
  const inForce = useQuery({
    queryKey: ['message-templates', projectId],
    queryFn: () =>
      api.get<{ items: MessageTemplate[] }>('/api/message-templates', { projectId: projectId ?? undefined }),
    enabled: Boolean(projectId),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['message-templates'] });
  const save = useMutation({
    mutationFn: (v: Values) =>
      editing && editing !== 'new'
        ? api.patch<MessageTemplate>(`/api/message-templates/${editing.id}`, {
            version: editing.version,
            kind: v.kind,
            name: v.name.trim(),
            body: v.body.trim(),
          })
        : api.post<MessageTemplate>('/api/message-templates', {
            projectId: v.scope === 'project' ? projectId : null,
            code: v.code.trim(),
            kind: v.kind,
            name: v.name.trim(),
            body: v.body.trim(),
          }),
    onSuccess: () => {
      void message.success(t('common.saved'));
      setEditing(null);
      void refresh();
    },
    onError: (error) => onError(error, { form }),
  });
  const remove = useMutation({
    mutationFn: (x: MessageTemplate) => api.delete(`/api/message-templates/${x.id}?version=${x.version}`),
    onSuccess: () => void refresh(),
    onError: (error) => onError(error),
  });
  const overriding = new Set((inForce.data?.items ?? []).filter((x) => x.overrides).map((x) => x.id));
  const mayWrite = (x: MessageTemplate) =>
    x.projectId === null ? can('settings.write') : can('notices.write');

  const columns: TableProps<MessageTemplate>['columns'] = [
    { title: t('broadcasts.templates.code'), dataIndex: 'code', width: 140 },
    { title: t('broadcasts.templates.name'), dataIndex: 'name', width: 180 },
    { title: t('broadcasts.templates.kind'), dataIndex: 'kind', width: 80 },
    {
      title: t('broadcasts.templates.scope'),
      key: 'scope',
      width: 160,
      render: (_: unknown, x) => (
        <Space size={4} wrap>
          <Tag color={x.projectId === null ? 'blue' : 'purple'}>
            {x.projectId === null ? t('broadcasts.templates.company') : t('broadcasts.templates.thisProject')}
          </Tag>
          {overriding.has(x.id) && <Tag>{t('broadcasts.templates.overrides')}</Tag>}
        </Space>
      ),
    },
    { title: t('broadcasts.templates.body'), dataIndex: 'body' },
    {
      title: t('common.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      render: (v: string) => formatDateTime(v).slice(0, 16),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      render: (_: unknown, x) =>
        mayWrite(x) && (
          <Space>
            <Button
              size="small"
              onClick={() => {
                form.setFieldsValue({ ...x, scope: x.projectId === null ? 'company' : 'project' });
                setEditing(x);
              }}
            >
              {t('common.edit')}
            </Button>
            <Popconfirm title={t('broadcasts.templates.deleteConfirm')} onConfirm={() => remove.mutate(x)}>
              <Button size="small" danger>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];

  if (!projectId) return <Empty style={{ marginTop: 64 }} description={t('dashboard.noProject')} />;
  return (
    <>
      <PageHeader
        title={t('broadcasts.templates.title')}
        subTitle={t('broadcasts.templates.subtitle')}
        extra={
          can('notices.write') && (
            <Button
              type="primary"
              onClick={() => {
                form.setFieldsValue({ scope: 'project', kind: '短信', code: '', name: '', body: '' });
                setEditing('new');
              }}
              data-testid="template-create"
            >
              {t('broadcasts.templates.create')}
            </Button>
          )
        }
      />
      <Table<MessageTemplate>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={false}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('broadcasts.templates.create') : t('broadcasts.templates.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        forceRender
      >
        <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Space size="large" wrap>
            <Form.Item name="scope" label={t('broadcasts.templates.scope')}>
              <Select
                disabled={editing !== 'new'}
                style={{ width: 140 }}
                options={[
                  { value: 'project', label: t('broadcasts.templates.thisProject') },
                  ...(can('settings.write')
                    ? [{ value: 'company', label: t('broadcasts.templates.company') }]
                    : []),
                ]}
              />
            </Form.Item>
            <Form.Item name="kind" label={t('broadcasts.templates.kind')}>
              <Select style={{ width: 100 }} options={KINDS.map((k) => ({ value: k, label: k }))} />
            </Form.Item>
          </Space>
          <Form.Item
            name="code"
            label={t('broadcasts.templates.code')}
            extra={t('broadcasts.templates.codeHint')}
            rules={[{ required: true, pattern: /^[\w-]+$/, message: t('validation.required') }]}
          >
            <Input disabled={editing !== 'new'} maxLength={50} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('broadcasts.templates.name')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="body"
            label={t('broadcasts.templates.body')}
            extra={
              <Typography.Text type="secondary">
                {t('broadcasts.templates.variables')}
                {VARIABLES}
              </Typography.Text>
            }
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
