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
  Modal,
  Popconfirm,
  Segmented,
  Space,
  Table,
  type TableProps,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { SettingItem } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { useServiceVocab } from '../../serviceVocab';
import { fromForm, SettingEditor, toForm } from './SettingEditor';
import { describeValue, SettingValue } from './SettingValue';
import { defKey, groupOf, kindOf } from './settingKinds';
import { WebhookCard } from './WebhookCard';

type Scope = 'company' | 'project';
const SOURCE_COLOR: Record<SettingItem['source'], string> = {
  default: 'default',
  company: 'blue',
  project: 'purple',
};

/** A setting's name and explanation in the console's language (the key itself is never the label). */
export function useSettingText() {
  const { t, i18n } = useTranslation();
  return {
    name: (item: Pick<SettingItem, 'key'>) =>
      i18n.exists(`${defKey(item.key)}.name`) ? t(`${defKey(item.key)}.name`) : t('settingDefs.unnamed'),
    hint: (item: Pick<SettingItem, 'key' | 'description'>) =>
      i18n.exists(`${defKey(item.key)}.hint`) ? t(`${defKey(item.key)}.hint`) : item.description,
  };
}

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
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ value: unknown }>();
  const text = useSettingText();
  const sv = useServiceVocab();
  const kind = kindOf(item?.key ?? '', item?.defaultValue);

  const save = useMutation({
    mutationFn: (raw: unknown) => {
      const value = fromForm(kind, raw);
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
      title={t('settings.editTitle', { key: item ? text.name(item) : '' })}
      width={kind.type === 'phrases' || kind.type === 'checklist' ? 720 : 560}
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
              { key: 'hint', label: t('settings.description'), children: text.hint(item) },
              { key: 'scope', label: t('settings.scope'), children: t(`settings.scopes.${scope}`) },
              {
                key: 'default',
                label: t('settings.defaultValue'),
                children: describeValue(kind, item.defaultValue, t, sv.dispatchMode, i18n.language),
              },
            ]}
          />
          <Form
            form={form}
            layout="vertical"
            initialValues={{ value: toForm(kind, item.value) }}
            onFinish={(v) => save.mutate(v.value)}
            data-testid="setting-form"
          >
            <SettingEditor kind={kind} current={item.value} />
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

  const text = useSettingText();
  const sv = useServiceVocab();
  const writable = can('settings.write');

  const columns: TableProps<SettingItem>['columns'] = [
    {
      title: t('settingDefs.columns.name'),
      dataIndex: 'key',
      width: 240,
      render: (key: string, item) => (
        // The Q-id of the requirement the number comes from, as a small tag beside the name.
        <Space size={6} wrap={false} style={{ whiteSpace: 'nowrap' }}>
          <Tooltip title={key}>
            <Typography.Text strong data-testid="setting-name">
              {text.name(item)}
            </Typography.Text>
          </Tooltip>
          {item.qid && (
            <Tag color="cyan" style={{ fontSize: 11, lineHeight: '16px', marginInlineEnd: 0 }}>
              {item.qid}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('settingDefs.columns.group'),
      key: 'group',
      width: 110,
      render: (_: unknown, item) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {t(`settingDefs.groups.${groupOf(item.key)}`, { defaultValue: t('settingDefs.unnamed') })}
        </span>
      ),
    },
    {
      title: t('settings.description'),
      dataIndex: 'description',
      render: (_: string, item) => <span data-testid="setting-hint">{text.hint(item)}</span>,
    },
    {
      title: t('settings.value'),
      dataIndex: 'value',
      width: 260,
      render: (v: unknown, item) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>
            <SettingValue settingKey={item.key} value={v} />
          </Typography.Text>
          {item.source !== 'default' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('settings.defaultIs', {
                value: describeValue(
                  kindOf(item.key, item.defaultValue),
                  item.defaultValue,
                  t,
                  sv.dispatchMode,
                  i18n.language,
                ),
              })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('settings.source'),
      dataIndex: 'source',
      width: 90,
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
          dataSource={sortedByGroup(settings.data?.items ?? [])}
          pagination={false}
          scroll={{ x: 1200 }}
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

/** Settings of one module side by side, modules in the order the service center thinks of them. */
const GROUP_ORDER = [
  'sla',
  'dispatch',
  'callcenter',
  'scripts',
  'qa',
  'delivery',
  'incidents',
  'emergencies',
  'frontdesk',
  'notices',
  'portal',
  'mail',
  'auth',
  'platform',
];
function sortedByGroup(items: SettingItem[]): SettingItem[] {
  const rank = (key: string) => {
    const i = GROUP_ORDER.indexOf(groupOf(key));
    return i < 0 ? GROUP_ORDER.length : i;
  };
  return [...items].sort((a, b) => rank(a.key) - rank(b.key));
}
