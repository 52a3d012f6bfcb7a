import { LinkOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { useEnumLabel } from '../../enumLabel';
import { formatDateTime } from '../../format';
import type { Incident } from './types';

interface LinkedTicket {
  id: number;
  number: string;
  type: string;
  status: string;
  title: string;
  createdAt: string;
}

/** Tickets the incident explains: the attached ones, and open ones in scope to attach in bulk. */
export function IncidentTickets({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const { can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<number[]>([]);
  const base = `/api/incidents/${incident.id}`;
  const linked = useQuery({
    queryKey: ['incidents', incident.id, 'tickets'],
    queryFn: () => api.get<Page<LinkedTicket>>(`${base}/tickets`, { pageSize: 100 }),
  });
  const ongoing = incident.status === '进行中';
  const candidates = useQuery({
    queryKey: ['incidents', incident.id, 'candidates'],
    queryFn: () => api.get<Page<LinkedTicket>>(`${base}/candidates`, { pageSize: 100 }),
    enabled: ongoing,
  });
  const attach = useMutation({
    mutationFn: () => api.post<{ linked: number[] }>(`${base}/tickets`, { ticketIds: selected }),
    onSuccess: (r) => {
      void message.success(t('incidents.attachedCount', { count: r.linked.length }));
      setSelected([]);
      void queryClient.invalidateQueries({ queryKey: ['incidents'] });
    },
    onError: (e) => onError(e),
  });
  const columns: TableProps<LinkedTicket>['columns'] = [
    {
      title: t('tickets.fields.number'),
      dataIndex: 'number',
      width: 170,
      render: (n: string, r) => <Link to={`/tickets/${r.id}`}>{n}</Link>,
    },
    { title: t('tickets.fields.type'), dataIndex: 'type', width: 70 },
    { title: t('tickets.fields.title'), dataIndex: 'title' },
    {
      title: t('incidents.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: string) => <Tag>{label(s)}</Tag>,
    },
    {
      title: t('incidents.startsAt'),
      dataIndex: 'createdAt',
      width: 130,
      render: (v: string) => formatDateTime(v),
    },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="incident-tickets">
      <Typography.Title level={5}>{t('incidents.linkedTickets')}</Typography.Title>
      <Table<LinkedTicket>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={linked.data?.items ?? []}
        loading={linked.isLoading}
        pagination={false}
      />
      {ongoing && (
        <>
          <Space style={{ justifyContent: 'space-between', width: '100%' }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('incidents.candidates')}
            </Typography.Title>
            {can('incidents.write') && (
              <Button
                type="primary"
                icon={<LinkOutlined />}
                disabled={!selected.length}
                loading={attach.isPending}
                onClick={() => attach.mutate()}
                data-testid="incident-attach-selected"
              >
                {t('incidents.attachSelected', { count: selected.length })}
              </Button>
            )}
          </Space>
          <Table<LinkedTicket>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={candidates.data?.items ?? []}
            loading={candidates.isLoading}
            pagination={false}
            rowSelection={
              can('incidents.write')
                ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) }
                : undefined
            }
          />
        </>
      )}
    </Space>
  );
}
