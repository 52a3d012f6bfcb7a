import { BILLING_REPORT_KINDS, type BillingReportKind } from '@guanjia/shared';
import type { BillingReport } from '@guanjia/shared/api';
import { useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Empty, Space, Table, Tabs } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, serverNow } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { EChart } from './EChart';
import { AGING_KEYS, money, percent } from './labels';

type Row = BillingReport['rows'][number];

/** 收费报表: 收费率 by month and building, aging, campaign results, income by fee item — each with Excel. */
export default function BillingReportsPage() {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  const [kind, setKind] = useState<BillingReportKind>('collection-rate');
  const [range, setRange] = useState<[Dayjs, Dayjs]>([
    dayjs(serverNow()).subtract(11, 'month'),
    dayjs(serverNow()),
  ]);
  const query = {
    projectId: projectId ?? 0,
    kind,
    from: range[0].format('YYYY-MM'),
    to: range[1].format('YYYY-MM'),
  };
  const report = useQuery({
    queryKey: ['billing-report', query],
    queryFn: () => api.get<BillingReport>('/api/reports/billing', query),
    enabled: !!projectId,
  });
  const r = report.data;
  const option = useMemo(() => chartOf(r, t), [r, t]);
  if (!projectId) return <Empty description={t('collection.noProject')} />;
  const columns = columnsOf(kind, t) as ColumnsType<Row>;
  return (
    <div>
      <PageHeader
        title={t('collection.reports.title')}
        subTitle={t('collection.reports.subtitle')}
        extra={
          <Space>
            <DatePicker.RangePicker
              picker="month"
              value={range}
              allowClear={false}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            />
            <ExportButton path="/api/reports/billing" query={{ ...query, format: 'xlsx' }} />
          </Space>
        }
      />
      <Card>
        <Tabs
          activeKey={kind}
          onChange={(k) => setKind(k as BillingReportKind)}
          items={BILLING_REPORT_KINDS.map((k) => ({ key: k, label: t(`collection.reports.kinds.${k}`) }))}
        />
        {option && <EChart option={option} height={300} testId="report-chart" />}
        <Table
          size="small"
          rowKey={(_row, i) => `${i}`}
          loading={report.isFetching}
          dataSource={r?.kind === kind ? r.rows : []}
          columns={columns}
          pagination={{ pageSize: 50 }}
          data-testid="report-table"
        />
      </Card>
    </div>
  );
}

type T = (k: string, o?: Record<string, unknown>) => string;

function chartOf(r: BillingReport | undefined, t: T) {
  if (!r) return null;
  const yuan = (f: number) => f / 100;
  if (r.kind === 'collection-rate') {
    const total = r.rows.filter((x) => x.buildingId === null);
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: [t('collection.reports.rate'), t('collection.reports.householdRate')] },
      grid: { left: 50, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: total.map((x) => x.period) },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        { name: t('collection.reports.rate'), type: 'line', data: total.map((x) => (x.rate ?? 0) * 100) },
        {
          name: t('collection.reports.householdRate'),
          type: 'line',
          data: total.map((x) => (x.householdRate ?? 0) * 100),
        },
      ],
    };
  }
  if (r.kind === 'aging')
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: AGING_KEYS.map((k) => t(`collection.aging.${k}`)) },
      grid: { left: 70, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: r.rows.map((x) => x.buildingName) },
      yAxis: { type: 'value', name: '元' },
      series: AGING_KEYS.map((k) => ({
        name: t(`collection.aging.${k}`),
        type: 'bar',
        stack: 'aging',
        data: r.rows.map((x) => yuan(x[k])),
      })),
    };
  if (r.kind === 'campaigns') {
    const names = r.rows.map((x) => `${x.level ?? ''} ${t(`collection.channels.${x.channel}`)}`.trim());
    return {
      tooltip: { trigger: 'axis' },
      legend: {
        data: [
          t('collection.reports.attempts'),
          t('collection.reports.promised'),
          t('collection.reports.paidAfter'),
        ],
      },
      grid: { left: 50, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: names },
      yAxis: { type: 'value' },
      series: [
        { name: t('collection.reports.attempts'), type: 'bar', data: r.rows.map((x) => x.attempts) },
        { name: t('collection.reports.promised'), type: 'bar', data: r.rows.map((x) => x.promised) },
        { name: t('collection.reports.paidAfter'), type: 'bar', data: r.rows.map((x) => x.paidAfter) },
      ],
    };
  }
  const months = [...new Set(r.rows.map((x) => x.month))];
  const items = [...new Set(r.rows.map((x) => x.feeItemName))];
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: items },
    grid: { left: 70, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', name: '元' },
    series: items.map((name) => ({
      name,
      type: 'bar',
      stack: 'income',
      data: months.map((m) => yuan(r.rows.find((x) => x.month === m && x.feeItemName === name)?.amount ?? 0)),
    })),
  };
}

function columnsOf(kind: BillingReportKind, t: T): ColumnsType<never> {
  const c = (key: string, render: (row: never) => unknown, align: 'right' | undefined = 'right') => ({
    title: t(`collection.reports.${key}`),
    key,
    align,
    render: (_: unknown, row: never) => render(row) as string,
  });
  type R<K extends BillingReportKind> = Extract<BillingReport, { kind: K }>['rows'][number];
  if (kind === 'collection-rate')
    return [
      c('period', (x: R<'collection-rate'>) => x.period, undefined),
      c('building', (x: R<'collection-rate'>) => x.buildingName, undefined),
      c('billed', (x: R<'collection-rate'>) => money(x.billed)),
      c('collected', (x: R<'collection-rate'>) => money(x.collected)),
      c('rate', (x: R<'collection-rate'>) => percent(x.rate)),
      c('households', (x: R<'collection-rate'>) => x.households),
      c('settled', (x: R<'collection-rate'>) => x.settledHouseholds),
      c('householdRate', (x: R<'collection-rate'>) => percent(x.householdRate)),
    ] as ColumnsType<never>;
  if (kind === 'aging')
    return [
      c('building', (x: R<'aging'>) => x.buildingName, undefined),
      c('owingUnits', (x: R<'aging'>) => x.owingUnits),
      c('total', (x: R<'aging'>) => money(x.total)),
      ...AGING_KEYS.map((k) => ({
        title: t(`collection.aging.${k}`),
        key: k,
        align: 'right' as const,
        render: (_: unknown, x: R<'aging'>) => money(x[k]),
      })),
    ] as ColumnsType<never>;
  if (kind === 'campaigns')
    return [
      {
        title: t('collection.attempts.channel'),
        key: 'channel',
        render: (_: unknown, x: R<'campaigns'>) =>
          `${x.level ?? ''} ${t(`collection.channels.${x.channel}`)}`,
      },
      c('attempts', (x: R<'campaigns'>) => x.attempts),
      c('reached', (x: R<'campaigns'>) => x.reached),
      c('promised', (x: R<'campaigns'>) => x.promised),
      c('kept', (x: R<'campaigns'>) => x.kept),
      c('broken', (x: R<'campaigns'>) => x.broken),
      c('refused', (x: R<'campaigns'>) => x.refused),
      c('paidAfter', (x: R<'campaigns'>) => x.paidAfter),
      c('paidAmountAfter', (x: R<'campaigns'>) => money(x.paidAmountAfter)),
    ] as ColumnsType<never>;
  return [
    c('month', (x: R<'income-by-fee-item'>) => x.month, undefined),
    c('feeItem', (x: R<'income-by-fee-item'>) => x.feeItemName, undefined),
    c('amount', (x: R<'income-by-fee-item'>) => money(x.amount)),
  ] as ColumnsType<never>;
}
