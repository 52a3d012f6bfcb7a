import type { ArrearsReport, ArrearsUnit } from '@guanjia/shared/api';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { EChart } from './EChart';
import { AGING_KEYS, money, OUTCOME_COLORS, percent } from './labels';
import { OpeningArrearsImport } from './OpeningArrearsImport';
import { UnitCollectionDrawer } from './UnitCollectionDrawer';

/** 欠费管理 (W-23): aging chart, buildings, the owing units; a unit opens its collection history. */
export default function ArrearsPage() {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  const [buildingId, setBuildingId] = useState<number | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [unit, setUnit] = useState<ArrearsUnit | null>(null);
  const query = { projectId: projectId ?? 0, buildingId, ...page };
  const report = useQuery({
    queryKey: ['arrears', query],
    queryFn: () => api.get<ArrearsReport>('/api/arrears', query),
    enabled: !!projectId,
  });
  const r = report.data;
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => money(Math.round(v * 100)) },
      grid: { left: 70, right: 20, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: AGING_KEYS.map((k) => t(`collection.aging.${k}`)) },
      yAxis: { type: 'value', name: '元' },
      series: [
        {
          type: 'bar',
          data: AGING_KEYS.map((k) => (r ? r.aging[k] / 100 : 0)),
          itemStyle: { color: '#d4380d' },
          barMaxWidth: 48,
        },
      ],
    }),
    [r, t],
  );
  if (!projectId) return <Empty description={t('collection.noProject')} />;
  return (
    <div>
      <PageHeader
        title={t('collection.arrears.title')}
        subTitle={t('collection.arrears.subtitle')}
        extra={
          <Space>
            <OpeningArrearsImport projectId={projectId} />
            <ExportButton path="/api/arrears" query={{ ...query, format: 'xlsx' }} />
          </Space>
        }
      />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Card>
            <Statistic
              title={t('collection.arrears.owed')}
              value={money(r?.owed ?? 0)}
              data-testid="arrears-owed"
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title={t('collection.arrears.owingUnits')} value={r?.owingUnits ?? 0} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic
              title={t('collection.arrears.rate', { period: r?.rate.period ?? '' })}
              value={percent(r?.rate.rate)}
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title={t('collection.arrears.householdRate')} value={percent(r?.rate.householdRate)} />
          </Card>
        </Col>
      </Row>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={10}>
          <Card title={t('collection.arrears.agingChart')} size="small">
            <EChart option={option} height={260} testId="aging-chart" />
          </Card>
        </Col>
        <Col span={14}>
          <Card title={t('collection.arrears.byBuilding')} size="small">
            <Table
              size="small"
              rowKey="buildingId"
              pagination={false}
              dataSource={r?.buildings ?? []}
              onRow={(b) => ({ onClick: () => setBuildingId(b.buildingId), style: { cursor: 'pointer' } })}
              columns={[
                { title: t('collection.arrears.building'), dataIndex: 'buildingName' },
                { title: t('collection.arrears.owingUnits'), dataIndex: 'owingUnits', align: 'right' },
                { title: t('collection.arrears.owed'), align: 'right', render: (_, b) => money(b.owed) },
                ...AGING_KEYS.slice(1).map((k) => ({
                  title: t(`collection.aging.${k}`),
                  align: 'right' as const,
                  render: (_: unknown, b: ArrearsReport['buildings'][number]) => money(b.aging[k]),
                })),
                {
                  title: t('collection.reports.rate'),
                  align: 'right',
                  render: (_, b) => percent(b.rate.rate),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title={
          <Space>
            {t('collection.arrears.unit')}
            <Select
              allowClear
              style={{ width: 160 }}
              placeholder={t('collection.arrears.allBuildings')}
              value={buildingId}
              onChange={(v) => {
                setBuildingId(v);
                setPage((p) => ({ ...p, page: 1 }));
              }}
              options={(r?.buildings ?? []).map((b) => ({ value: b.buildingId, label: b.buildingName }))}
            />
          </Space>
        }
      >
        <Table
          size="small"
          rowKey="unitId"
          loading={report.isFetching}
          dataSource={r?.units.items ?? []}
          data-testid="arrears-units"
          onRow={(u) => ({ onClick: () => setUnit(u), style: { cursor: 'pointer' } })}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: r?.units.total ?? 0,
            onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
          columns={[
            { title: t('collection.arrears.unit'), dataIndex: 'unitLabel' },
            { title: t('collection.arrears.building'), dataIndex: 'buildingName' },
            { title: t('collection.arrears.owner'), dataIndex: 'ownerName' },
            {
              title: t('collection.arrears.owed'),
              align: 'right',
              render: (_, u) => (
                <Space size={4}>
                  {money(u.owed)}
                  {u.disputedOwed > 0 && <Tag color="orange">{t('collection.unit.disputed')}</Tag>}
                </Space>
              ),
            },
            { title: t('collection.arrears.bills'), dataIndex: 'bills', align: 'right' },
            { title: t('collection.arrears.oldestDue'), dataIndex: 'oldestDueDate' },
            {
              title: t('collection.arrears.daysOverdue'),
              align: 'right',
              render: (_, u) => t('collection.arrears.days', { days: u.daysOverdue }),
            },
            { title: t('collection.arrears.level'), dataIndex: 'level', align: 'right' },
            {
              title: t('collection.arrears.lastAttempt'),
              render: (_, u) =>
                u.lastAttemptAt ? (
                  <Space size={4}>
                    {formatDateTime(u.lastAttemptAt).slice(0, 16)}
                    {u.lastOutcome && (
                      <Tag color={OUTCOME_COLORS[u.lastOutcome]}>
                        {t(`collection.outcomes.${u.lastOutcome}`)}
                      </Tag>
                    )}
                  </Space>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </Card>
      <UnitCollectionDrawer unitId={unit?.unitId ?? null} onClose={() => setUnit(null)} />
    </div>
  );
}
