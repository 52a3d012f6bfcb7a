import type { MaterialsReport, Stocktake } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Drawer, InputNumber, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { thisMonth } from '../patrol/PatrolTags';
import { yuan } from './money';

type Summary = Omit<Stocktake, 'lines'>;

/** 盘点: the monthly stocktakes; counting a line by line, closing writes the differences to stock. */
export default function StocktakesPage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useQuery({
    queryKey: ['stocktakes', projectId, page],
    queryFn: () =>
      api.get<{ items: Summary[]; total: number }>('/api/stocktakes', { projectId, page, pageSize: 20 }),
    enabled: Boolean(projectId),
  });
  const due = useQuery({
    queryKey: ['materials-report', projectId, thisMonth()],
    queryFn: () => api.get<MaterialsReport>('/api/reports/materials', { projectId, month: thisMonth() }),
    enabled: Boolean(projectId),
  });
  const start = useMutation({
    mutationFn: () => api.post<Stocktake>('/api/stocktakes', { projectId, month: thisMonth() }),
    onSuccess: (s) => {
      void queryClient.invalidateQueries({ queryKey: ['stocktakes'] });
      setOpenId(s.id);
    },
    onError: (error) => onError(error),
  });
  return (
    <div>
      <PageHeader
        title={t('stock.stocktakes.title')}
        subTitle={t('stock.stocktakes.subtitle', { day: due.data?.dueDay ?? 25 })}
        extra={
          can('assets.write') && (
            <Button type="primary" onClick={() => start.mutate()} loading={start.isPending}>
              {t('stock.stocktakes.open')}
            </Button>
          )
        }
      />
      <Card>
        <Table<Summary>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 20, onChange: setPage }}
          onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('stock.stocktakes.month'), dataIndex: 'month' },
            {
              title: t('stock.stocktakes.status'),
              dataIndex: 'status',
              render: (s: Summary['status']) => (
                <Tag color={s === 'closed' ? 'success' : 'processing'}>
                  {t(`stock.stocktakes.statuses.${s}`)}
                </Tag>
              ),
            },
            { title: t('stock.stocktakes.differences'), dataIndex: 'differences' },
            {
              title: t('stock.stocktakes.differenceValue'),
              dataIndex: 'differenceFen',
              align: 'right',
              render: (v: number) => yuan(v),
            },
            {
              title: t('stock.occurredAt'),
              dataIndex: 'closedAt',
              render: (v: string | null) => formatDateTime(v),
            },
          ]}
        />
      </Card>
      {openId && <StocktakeDrawer id={openId} onClose={() => setOpenId(null)} />}
    </div>
  );
}

function StocktakeDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [counts, setCounts] = useState<Record<number, number>>({});
  const one = useQuery({
    queryKey: ['stocktakes', 'one', id],
    queryFn: () => api.get<Stocktake>(`/api/stocktakes/${id}`),
  });
  const s = one.data;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['stocktakes'] });
  const save = useMutation({
    mutationFn: () =>
      api.put<Stocktake>(`/api/stocktakes/${id}/counts`, {
        version: s?.version,
        lines: Object.entries(counts).map(([materialId, countedQty]) => ({
          materialId: Number(materialId),
          countedQty,
        })),
      }),
    onSuccess: () => {
      void message.success(t('stock.stocktakes.saved'));
      setCounts({});
      refresh();
    },
    onError: (error) => onError(error),
  });
  const close = useMutation({
    mutationFn: () => api.post(`/api/stocktakes/${id}/close`, { version: s?.version }),
    onSuccess: () => {
      void message.success(t('stock.stocktakes.closed'));
      refresh();
      void queryClient.invalidateQueries({ queryKey: ['materials'] });
    },
    onError: (error) => onError(error),
  });
  const counting = s?.status === 'counting' && can('assets.write');
  return (
    <Drawer
      open
      width={760}
      title={`${t('stock.stocktakes.detail')} ${s?.month ?? ''}`}
      onClose={onClose}
      extra={
        counting && (
          <Space>
            <Button
              onClick={() => save.mutate()}
              loading={save.isPending}
              disabled={!Object.keys(counts).length}
            >
              {t('stock.stocktakes.saveCounts')}
            </Button>
            <Popconfirm title={t('stock.stocktakes.closeConfirm')} onConfirm={() => close.mutate()}>
              <Button type="primary" danger loading={close.isPending}>
                {t('stock.stocktakes.close')}
              </Button>
            </Popconfirm>
          </Space>
        )
      }
    >
      <Table
        size="small"
        rowKey="materialId"
        loading={one.isLoading}
        pagination={false}
        dataSource={s?.lines ?? []}
        columns={[
          { title: t('stock.name'), dataIndex: 'materialName' },
          { title: t('stock.spec'), dataIndex: 'spec' },
          { title: t('stock.stocktakes.book'), dataIndex: 'bookQty', align: 'right' },
          {
            title: t('stock.stocktakes.counted'),
            dataIndex: 'countedQty',
            align: 'right',
            render: (v: number | null, l) =>
              counting ? (
                <InputNumber
                  size="small"
                  min={0}
                  precision={0}
                  value={counts[l.materialId] ?? v ?? undefined}
                  onChange={(n) => setCounts((c) => ({ ...c, [l.materialId]: Number(n ?? 0) }))}
                />
              ) : (
                (v ?? '—')
              ),
          },
          {
            title: t('stock.stocktakes.difference'),
            dataIndex: 'difference',
            align: 'right',
            render: (v: number | null, l) =>
              v ? (
                <Tag
                  color={v < 0 ? 'error' : 'success'}
                >{`${v > 0 ? '+' : ''}${v}（${yuan(l.differenceFen ?? 0)}）`}</Tag>
              ) : (
                (v ?? '—')
              ),
          },
        ]}
      />
    </Drawer>
  );
}
