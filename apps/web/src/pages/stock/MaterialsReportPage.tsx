import type { MaterialsReport } from '@guanjia/shared/api';
import { useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Space, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { MiniBars } from '../patrol/MiniBars';
import { thisMonth } from '../patrol/PatrolTags';
import { yuan } from './money';

type Row = MaterialsReport['rows'][number];

/** 耗材报表: the month's use per material with the 月采购计划 beside it, exported for the meeting. */
export default function MaterialsReportPage() {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  const [month, setMonth] = useState(thisMonth());
  const report = useQuery({
    queryKey: ['materials-report', projectId, month],
    queryFn: () => api.get<MaterialsReport>('/api/reports/materials', { projectId, month }),
    enabled: Boolean(projectId),
  });
  const r = report.data;
  const top = [...(r?.rows ?? [])]
    .sort((a, b) => b.consumedFen - a.consumedFen)
    .filter((x) => x.consumedFen > 0)
    .slice(0, 10);
  return (
    <div>
      <PageHeader
        title={t('stock.report.title')}
        subTitle={t('stock.report.subtitle', { day: r?.dueDay ?? 25 })}
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <DatePicker
            picker="month"
            value={dayjs(`${month}-01`)}
            allowClear={false}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          />
          <ExportButton path="/api/reports/materials.xlsx" query={{ projectId, month }} />
        </Space>
        {r && (
          <Space size="large" style={{ marginBottom: 16 }}>
            <Statistic title={t('stock.report.totalConsumed')} value={yuan(r.consumedFen)} />
            <Statistic title={t('stock.report.totalPurchase')} value={yuan(r.purchaseFen)} />
          </Space>
        )}
        {top.length > 0 && (
          <>
            <div style={{ fontWeight: 500, marginBottom: 8 }}>{t('stock.report.chartTitle')}</div>
            <MiniBars
              rows={top.map((x) => ({ label: x.name, values: [x.consumedFen / 100] }))}
              series={[{ name: t('stock.report.consumed'), color: '#1677ff' }]}
            />
          </>
        )}
        <Table<Row>
          style={{ marginTop: 16 }}
          size="small"
          rowKey="materialId"
          loading={report.isLoading}
          dataSource={r?.rows ?? []}
          pagination={{ pageSize: 50 }}
          columns={[
            { title: t('stock.code'), dataIndex: 'code' },
            { title: t('stock.name'), dataIndex: 'name' },
            { title: t('stock.spec'), dataIndex: 'spec' },
            { title: t('stock.unit'), dataIndex: 'unit' },
            { title: t('stock.report.opening'), dataIndex: 'opening', align: 'right' },
            { title: t('stock.report.in'), dataIndex: 'inQty', align: 'right' },
            { title: t('stock.report.out'), dataIndex: 'outQty', align: 'right' },
            { title: t('stock.report.return'), dataIndex: 'returnQty', align: 'right' },
            { title: t('stock.report.adjust'), dataIndex: 'adjustQty', align: 'right' },
            { title: t('stock.report.closing'), dataIndex: 'closing', align: 'right' },
            {
              title: t('stock.report.consumed'),
              dataIndex: 'consumedFen',
              align: 'right',
              render: (v: number) => yuan(v),
            },
            { title: t('stock.report.workOrders'), dataIndex: 'workOrders', align: 'right' },
            {
              title: t('stock.report.toBuy'),
              dataIndex: 'toBuy',
              align: 'right',
              render: (v: number) => (v ? <b>{v}</b> : 0),
            },
          ]}
        />
      </Card>
    </div>
  );
}
