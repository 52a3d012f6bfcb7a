import { EditOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Segmented,
  Space,
  Switch,
  Table,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import type { SettingItem } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { WebhookCard } from './WebhookCard';

type Scope = 'company' | 'project';
const SOURCE_COLOR: Record<SettingItem['source'], string> = {
  default: 'default',
  company: 'blue',
  project: 'purple',
};

function display(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

type Kind = 'number' | 'boolean' | 'string' | 'json';
const kindOf = (value: unknown): Kind =>
  typeof value === 'number'
    ? 'number'
    : typeof value === 'boolean'
      ? 'boolean'
      : typeof value === 'string'
        ? 'string'
        : 'json';

function EditModal({
  item,
  scope,
  projectId,
  onClose,
}: {
  item: SettingItem | null;
  scope: Scope;
  projectId: number | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ value: unknown }>();
  const kind = kindOf(item?.defaultValue);

  const save = useMutation({
    mutationFn: (raw: unknown) => {
      let value = raw;
      if (kind === 'json') {
        try {
          value = JSON.parse(String(raw));
        } catch {
          throw new ApiError(400, 'validation_failed', t('settings.invalidJson'), [
            { path: 'body.value', message: t('settings.invalidJson') },
          ]);
        }
      }
      // The version only applies to an override at the scope being edited.
      const version = item && item.source === scope ? (item.version ?? undefined) : undefined;
      return api.put(`/api/settings/${encodeURIComponent(item?.key ?? '')}`, {
        value,
        ...(scope === 'project' && projectId ? { projectId } : {}),
        ...(version ? { version } : {}),
      });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['settings'] });
      void message.success(t('common.saved'));
      onClose();
    },
    onError: (error) =>
      onError(error, {
        form,
        onReload: () => {
          void queryClient.invalidateQueries({ queryKey: ['settings'] });
          onClose();
        },
      }),
  });

  return (
    <Modal
      open={item !== null}
      title={t('settings.editTitle', { key: item?.key ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {item && (
        <>
          <Descriptions
            size="small"
            column={1}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'scope', label: t('settings.scope'), children: t(`settings.scopes.${scope}`) },
              {
                key: 'default',
                label: t('settings.defaultValue'),
                children: <Typography.Text code>{display(item.defaultValue)}</Typography.Text>,
              },
            ]}
          />
          <Form
            form={form}
            layout="vertical"
            initialValues={{ value: kind === 'json' ? JSON.stringify(item.value, null, 2) : item.value }}
            onFinish={(v) => save.mutate(v.value)}
          >
            <Form.Item
              name="value"
              label={t('settings.value')}
              valuePropName={kind === 'boolean' ? 'checked' : 'value'}
              rules={kind === 'boolean' ? [] : [{ required: true, message: t('validation.required') }]}
            >
              {kind === 'number' ? (
                <InputNumber style={{ width: '100%' }} />
              ) : kind === 'boolean' ? (
                <Switch />
              ) : kind === 'string' ? (
                <Input />
              ) : (
                <Input.TextArea rows={6} style={{ fontFamily: 'monospace' }} />
              )}
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}

export default function SettingsPage() {
  const { t, i18n } = useTranslation();
  const { can, projectId, project } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [scope, setScope] = useState<Scope>(projectId ? 'project' : 'company');
  const [editing, setEditing] = useState<SettingItem | null>(null);
  const effectiveScope: Scope = scope === 'project' && projectId ? 'project' : 'company';
  const query = effectiveScope === 'project' ? { projectId } : {};

  const settings = useQuery({
    queryKey: ['settings', effectiveScope, projectId],
    queryFn: () => api.get<{ items: SettingItem[] }>('/api/settings', query),
  });

  const reset = useMutation({
    mutationFn: (item: SettingItem) => api.delete(`/api/settings/${encodeURIComponent(item.key)}`, query),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['settings'] });
      void message.success(t('settings.resetDone'));
    },
    onError: (error) => onError(error),
  });

  const describe = (item: SettingItem) => {
    const key = `settings.descriptions.${item.key.replace(/\./g, '_')}`;
    return i18n.exists(key) ? t(key) : item.description;
  };
  const writable = can('settings.write');

  const columns: TableProps<SettingItem>['columns'] = [
    {
      title: t('settings.key'),
      dataIndex: 'key',
      width: 260,
      render: (key: string) => <Typography.Text code>{key}</Typography.Text>,
    },
    {
      title: 'Q-ID',
      dataIndex: 'qid',
      width: 80,
      render: (v: string | null) => (v ? <Tag color="cyan">{v}</Tag> : '—'),
    },
    {
      title: t('settings.description'),
      dataIndex: 'description',
      render: (_: string, item) => describe(item),
    },
    {
      title: t('settings.value'),
      dataIndex: 'value',
      width: 200,
      render: (v: unknown, item) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{display(v)}</Typography.Text>
          {item.source !== 'default' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('settings.defaultIs', { value: display(item.defaultValue) })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('settings.source'),
      dataIndex: 'source',
      width: 100,
      render: (v: SettingItem['source']) => <Tag color={SOURCE_COLOR[v]}>{t(`settings.sources.${v}`)}</Tag>,
    },
    ...(writable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 170,
            render: (_: unknown, item: SettingItem) => (
              <Space size={4}>
                <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(item)}>
                  {t('settings.override')}
                </Button>
                {item.source === effectiveScope && (
                  <Popconfirm
                    title={t('settings.resetConfirm')}
                    onConfirm={() => reset.mutate(item)}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                  >
                    <Button type="link" size="small" icon={<UndoOutlined />}>
                      {t('settings.reset')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <div>
      <PageHeader title={t('settings.title')} subTitle={t('settings.subtitle')} />
      <Card>
        <Space style={{ marginBottom: 16 }} wrap>
          <Segmented<Scope>
            value={effectiveScope}
            onChange={setScope}
            options={[
              { value: 'company', label: t('settings.scopes.company') },
              {
                value: 'project',
                label: project
                  ? `${t('settings.scopes.project')} · ${project.name}`
                  : t('settings.scopes.project'),
                disabled: !projectId,
              },
            ]}
          />
          <Alert type="info" showIcon title={t('settings.inheritHint')} style={{ padding: '4px 12px' }} />
        </Space>
        <Table<SettingItem>
          rowKey="key"
          size="middle"
          loading={settings.isFetching}
          columns={columns}
          dataSource={settings.data?.items ?? []}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
          data-testid="settings-table"
        />
      </Card>
      {projectId ? <WebhookCard projectId={projectId} writable={writable} /> : null}
      <EditModal
        item={editing}
        scope={effectiveScope}
        projectId={projectId}
        onClose={() => setEditing(null)}
      />
    </div>
  );
}
