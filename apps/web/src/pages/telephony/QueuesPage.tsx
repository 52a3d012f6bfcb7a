import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import type { StaffExtension } from './ExtensionsTab';

const STRATEGIES = ['longest-idle', 'round-robin', 'skill'] as const;

interface CallQueue {
  id: number;
  projectId: number;
  name: string;
  strategy: (typeof STRATEGIES)[number];
  skills: string[];
  memberIds: number[];
  version: number;
}
type QueueForm = Pick<CallQueue, 'name' | 'strategy' | 'skills' | 'memberIds'>;

/** 呼叫队列: who may take each queue's calls, which skills they need, and how one is chosen. */
export default function QueuesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const { projectId, can } = useAuth();
  const [editing, setEditing] = useState<CallQueue | 'new' | null>(null);
  const [form] = Form.useForm<QueueForm>();
  const manage = can('telephony.manage');
  const queues = useQuery({
    queryKey: ['queues', projectId],
    queryFn: () =>
      api.get<Page<CallQueue>>('/api/queues', { projectId: projectId ?? undefined, pageSize: 200 }),
    enabled: Boolean(projectId),
  });
  const staff = useQuery({
    queryKey: ['telephony-extensions', 'all'],
    queryFn: () => api.get<Page<StaffExtension>>('/api/telephony/extensions', { pageSize: 200 }),
    enabled: manage,
  });
  const nameOf = (id: number) => staff.data?.items.find((s) => s.id === id)?.displayName ?? `#${id}`;
  const save = useMutation({
    mutationFn: (v: QueueForm) =>
      editing === 'new'
        ? api.post<CallQueue>('/api/queues', { ...v, projectId })
        : api.patch<CallQueue>(`/api/queues/${(editing as CallQueue).id}`, {
            ...v,
            version: (editing as CallQueue).version,
          }),
    onSuccess: () => {
      void message.success(t('queuesAdmin.saved'));
      setEditing(null);
      void queryClient.invalidateQueries({ queryKey: ['queues'] });
    },
    onError: (e) =>
      onError(e, { form, onReload: () => void queryClient.invalidateQueries({ queryKey: ['queues'] }) }),
  });
  const open = (q: CallQueue | 'new') => {
    setEditing(q);
    form.setFieldsValue(
      q === 'new'
        ? { name: '', strategy: 'longest-idle', skills: [], memberIds: [] }
        : { name: q.name, strategy: q.strategy, skills: q.skills, memberIds: q.memberIds },
    );
  };
  return (
    <>
      <PageHeader
        title={t('queuesAdmin.title')}
        subTitle={t('queuesAdmin.subtitle')}
        extra={
          manage && (
            <Button type="primary" onClick={() => open('new')} data-testid="queue-add">
              {t('queuesAdmin.add')}
            </Button>
          )
        }
      />
      <Table<CallQueue>
        rowKey="id"
        loading={queues.isLoading}
        dataSource={queues.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('queuesAdmin.name'), dataIndex: 'name' },
          {
            title: t('queuesAdmin.strategy'),
            dataIndex: 'strategy',
            render: (v: CallQueue['strategy']) => t(`queuesAdmin.strategies.${v}`),
          },
          {
            title: t('queuesAdmin.skills'),
            dataIndex: 'skills',
            render: (v: string[]) => v.map((s) => <Tag key={s}>{s}</Tag>),
          },
          {
            title: t('queuesAdmin.members'),
            dataIndex: 'memberIds',
            render: (v: number[]) =>
              v.length ? (
                v.map((id) => <Tag key={id}>{nameOf(id)}</Tag>)
              ) : (
                <Tag>{t('queuesAdmin.allAgents')}</Tag>
              ),
          },
          {
            key: 'actions',
            render: (_: unknown, r) =>
              manage && (
                <Button size="small" onClick={() => open(r)}>
                  {t('queuesAdmin.edit')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('queuesAdmin.add') : t('queuesAdmin.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="name" label={t('queuesAdmin.name')} rules={[{ required: true, max: 60 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="strategy" label={t('queuesAdmin.strategy')}>
            <Select
              options={STRATEGIES.map((s) => ({ value: s, label: t(`queuesAdmin.strategies.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="skills" label={t('queuesAdmin.skills')} extra={t('queuesAdmin.skillsHint')}>
            <Select mode="tags" tokenSeparators={[',', '，']} />
          </Form.Item>
          <Form.Item name="memberIds" label={t('queuesAdmin.members')} extra={t('queuesAdmin.membersHint')}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={(staff.data?.items ?? []).map((s) => ({
                value: s.id,
                label: s.extension ? `${s.displayName}（${s.extension}）` : s.displayName,
              }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
