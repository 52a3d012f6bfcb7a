import { PlusOutlined } from '@ant-design/icons';
import { COLLECTION_TASK_STATUSES } from '@guanjia/shared';
import type { CollectionTask, Page } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useStaffNames } from '../../api/hooks';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { DoorCollectionModal } from './DoorCollectionModal';

type Action = { task: CollectionTask; kind: 'assign' | 'done' | 'cancel' };

/** 上门收费 (W-24) and the 催缴 follow-up tasks: agreed a day ahead (Q08), assigned, done with a result. */
export default function DoorCollectionsPage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const qc = useQueryClient();
  const onError = useApiError();
  const staff = useStaffNames();
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [action, setAction] = useState<Action | null>(null);
  const [assignee, setAssignee] = useState<number | undefined>();
  const [result, setResult] = useState('');
  const query = { projectId: projectId ?? 0, status, ...page };
  const list = useQuery({
    queryKey: ['door-collections', query],
    queryFn: () => api.get<Page<CollectionTask>>('/api/door-collections', query),
    enabled: !!projectId,
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['door-collections'] });
  const act = useMutation({
    mutationFn: (a: Action) =>
      a.kind === 'assign'
        ? api.post(`/api/door-collections/${a.task.id}/assign`, {
            version: a.task.version,
            assigneeId: assignee,
          })
        : api.post(`/api/door-collections/${a.task.id}/done`, {
            version: a.task.version,
            result,
            cancelled: a.kind === 'cancel',
          }),
    onSuccess: () => {
      setAction(null);
      setResult('');
      refresh();
    },
    onError: (e) => onError(e, { onReload: refresh }),
  });
  if (!projectId) return <Empty description={t('collection.noProject')} />;
  const write = can('billing.collect');
  const open = (s: string) => s === 'open' || s === 'assigned';
  return (
    <div>
      <PageHeader
        title={t('collection.door.title')}
        subTitle={t('collection.door.subtitle')}
        extra={
          write && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('collection.door.add')}
            </Button>
          )
        }
      />
      <Card>
        <Select
          allowClear
          style={{ width: 160, marginBottom: 12 }}
          placeholder={t('collection.door.status')}
          value={status}
          onChange={setStatus}
          options={COLLECTION_TASK_STATUSES.map((s) => ({
            value: s,
            label: t(`collection.taskStatuses.${s}`),
          }))}
        />
        <Table
          size="small"
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          data-testid="door-collections"
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: list.data?.total ?? 0,
            onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
          columns={[
            { title: t('collection.door.unit'), dataIndex: 'unitLabel' },
            { title: '', render: (_, k) => <Tag>{t(`collection.taskKinds.${k.kind}`)}</Tag> },
            {
              title: t('collection.door.agreedAt'),
              render: (_, k) => (k.agreedAt ? formatDateTime(k.agreedAt).slice(0, 16) : '—'),
            },
            { title: t('collection.door.contactName'), dataIndex: 'contactName' },
            { title: t('collection.door.contactPhone'), dataIndex: 'contactPhone' },
            { title: t('collection.door.assignee'), dataIndex: 'assigneeName' },
            {
              title: t('collection.door.status'),
              render: (_, k) => (
                <Tag color={k.status === 'done' ? 'green' : k.status === 'cancelled' ? 'default' : 'blue'}>
                  {t(`collection.taskStatuses.${k.status}`)}
                </Tag>
              ),
            },
            { title: t('collection.door.result'), render: (_, k) => k.result || k.note, ellipsis: true },
            {
              title: '',
              render: (_, k) =>
                write && open(k.status) ? (
                  <Space size={0}>
                    <Button size="small" type="link" onClick={() => setAction({ task: k, kind: 'assign' })}>
                      {t('collection.door.assign')}
                    </Button>
                    <Button size="small" type="link" onClick={() => setAction({ task: k, kind: 'done' })}>
                      {t('collection.door.done')}
                    </Button>
                    <Button
                      size="small"
                      type="link"
                      danger
                      onClick={() => setAction({ task: k, kind: 'cancel' })}
                    >
                      {t('collection.door.cancel')}
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      <DoorCollectionModal
        open={creating}
        projectId={projectId}
        onClose={() => setCreating(false)}
        onSaved={refresh}
      />
      <Modal
        open={!!action}
        title={action ? t(`collection.door.${action.kind}`) : ''}
        onCancel={() => setAction(null)}
        onOk={() => action && act.mutate(action)}
        okButtonProps={{
          loading: act.isPending,
          disabled: action?.kind === 'assign' ? !assignee : !result.trim(),
        }}
      >
        {action?.kind === 'assign' ? (
          <Select
            showSearch
            style={{ width: '100%' }}
            optionFilterProp="label"
            value={assignee}
            onChange={setAssignee}
            options={[...(staff.data?.entries() ?? [])].map(([id, name]) => ({ value: id, label: name }))}
          />
        ) : (
          <Input.TextArea
            rows={3}
            maxLength={500}
            placeholder={t('collection.door.resultPlaceholder')}
            value={result}
            onChange={(e) => setResult(e.target.value)}
          />
        )}
      </Modal>
    </div>
  );
}
