import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useApiError } from '../../components/feedback';

export interface StaffExtension {
  id: number;
  displayName: string;
  username: string;
  extension: string | null;
}

/** Staff ↔ extension: the screen pop and the wall's seats follow whoever sits at an extension. */
export function ExtensionsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['telephony-extensions', page],
    queryFn: () => api.get<Page<StaffExtension>>('/api/telephony/extensions', { page, pageSize: 50 }),
  });
  const save = useMutation({
    mutationFn: ({ id, extension }: { id: number; extension: string | null }) =>
      api.put(`/api/telephony/extensions/${id}`, { extension }),
    onSuccess: () => {
      void message.success(t('pbx.extensionSaved'));
      void queryClient.invalidateQueries({ queryKey: ['telephony-extensions'] });
      void queryClient.invalidateQueries({ queryKey: ['wallboard'] });
    },
    onError: (e) => onError(e),
  });
  return (
    <Table<StaffExtension>
      rowKey="id"
      size="small"
      loading={list.isLoading}
      dataSource={list.data?.items ?? []}
      pagination={{ current: page, pageSize: 50, total: list.data?.total ?? 0, onChange: setPage }}
      columns={[
        { title: t('pbx.staff'), dataIndex: 'displayName' },
        { title: t('pbx.username'), dataIndex: 'username' },
        {
          title: (
            <>
              {t('pbx.extension')}{' '}
              <Typography.Text type="secondary">（{t('pbx.extensionHint')}）</Typography.Text>
            </>
          ),
          dataIndex: 'extension',
          render: (v: string | null, r) => (
            <Input
              key={`${r.id}:${v ?? ''}`}
              defaultValue={v ?? ''}
              placeholder={t('pbx.noExtension')}
              style={{ width: 140 }}
              data-testid={`pbx-ext-${r.id}`}
              onBlur={(e) => {
                const next = e.target.value.trim() || null;
                if (next !== v) save.mutate({ id: r.id, extension: next });
              }}
              onPressEnter={(e) => (e.target as HTMLInputElement).blur()}
            />
          ),
        },
      ]}
    />
  );
}
