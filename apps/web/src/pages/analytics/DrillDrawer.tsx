import type { AnalyticsCard, AnalyticsDrillList } from '@guanjia/shared/api';
import { useQuery } from '@tanstack/react-query';
import { Drawer, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ExportButton } from '../../components/ExportButton';
import { useEnumLabel } from '../../enumLabel';

/** The records a card counts: the card's own drill address, paged; its total is the card's value. */
export function DrillDrawer({
  drill,
  onClose,
}: {
  drill: (AnalyticsCard['drill'] & { label: string }) | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const enumLabel = useEnumLabel();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['analytics-drill', drill?.path, drill?.query, page, i18n.language],
    queryFn: () => api.get<AnalyticsDrillList>(drill?.path ?? '', { ...drill?.query, page, pageSize: 20 }),
    enabled: Boolean(drill),
  });
  const data = list.data;
  return (
    <Drawer
      open={Boolean(drill)}
      onClose={() => {
        setPage(1);
        onClose();
      }}
      width={960}
      title={drill ? t('analytics.drill.title', { label: drill.label }) : ''}
      extra={drill && <ExportButton path={drill.path} query={{ ...drill.query, format: 'xlsx' }} />}
      destroyOnHidden
    >
      <div data-testid="drill-total" style={{ marginBottom: 8 }}>
        {data ? t('analytics.drill.total', { count: data.total }) : ''}
      </div>
      <Table
        data-testid="drill-table"
        size="small"
        rowKey={(r) => String(r.__key)}
        loading={list.isLoading}
        dataSource={(data?.items ?? []).map((r, i) => ({ ...r, __key: `${page}-${i}` }))}
        columns={(data?.columns ?? []).map((c) => ({
          key: c.key,
          dataIndex: c.key,
          title: c.label,
          render: (v: string | number | null) =>
            v === null
              ? '—'
              : c.kind === 'time' && typeof v === 'string'
                ? dayjs(v).format('YYYY-MM-DD HH:mm')
                : c.kind === 'text' && typeof v === 'string'
                  ? enumLabel(v)
                  : String(v),
        }))}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
      />
    </Drawer>
  );
}
