import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Popconfirm, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { formatDateTime } from '../../format';

interface Blocked {
  id: number;
  projectId: number;
  number: string;
  reason: string | null;
  createdAt: string;
}

/** Numbers the PBX is told to reject (harassment, robocalls) for the current project. */
export function BlockListTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const { projectId } = useAuth();
  const [form] = Form.useForm<{ number: string; reason?: string }>();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['telephony-blocked', projectId, page],
    queryFn: () =>
      api.get<Page<Blocked>>('/api/telephony/blocked', {
        projectId: projectId ?? undefined,
        page,
        pageSize: 50,
      }),
    enabled: Boolean(projectId),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['telephony-blocked'] });
  const block = useMutation({
    mutationFn: (v: { number: string; reason?: string }) =>
      api.post('/api/telephony/blocked', { projectId, number: v.number, reason: v.reason || null }),
    onSuccess: () => {
      form.resetFields();
      void message.success(t('pbx.blocked'));
      void refresh();
    },
    onError: (e) => onError(e, { form }),
  });
  const unblock = useMutation({
    mutationFn: (id: number) => api.delete(`/api/telephony/blocked/${id}`),
    onSuccess: () => {
      void message.success(t('pbx.unblocked'));
      void refresh();
    },
    onError: (e) => onError(e),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form form={form} layout="inline" onFinish={(v) => block.mutate(v)}>
        <Form.Item name="number" rules={[{ required: true }]}>
          <Input placeholder={t('pbx.number')} data-testid="pbx-block-number" />
        </Form.Item>
        <Form.Item name="reason">
          <Input placeholder={t('pbx.reason')} style={{ width: 240 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={block.isPending}>
          {t('pbx.block')}
        </Button>
      </Form>
      <Table<Blocked>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 50, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('pbx.number'), dataIndex: 'number' },
          { title: t('pbx.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
          { title: t('pbx.addedAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          {
            key: 'actions',
            render: (_: unknown, r) => (
              <Popconfirm title={t('pbx.unblockConfirm')} onConfirm={() => unblock.mutate(r.id)}>
                <Button size="small" danger>
                  {t('pbx.unblock')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Space>
  );
}
