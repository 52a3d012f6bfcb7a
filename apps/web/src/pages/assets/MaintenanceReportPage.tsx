import { DownloadOutlined } from '@ant-design/icons';
import type { MaintenanceReport } from '@guanjia/shared/api';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Progress, Row, Spin, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { systemLabel } from './assetText';

const ReportCharts = lazy(() => import('./ReportCharts'));
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** 工程报表 R12: completion and on-time rates per system, defects, availability, MTTR; Excel for the meeting. */
export default function MaintenanceReportPage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const [month, setMonth] = useState(dayjs());
  const query = { projectId: projectId ?? undefined, month: month.format('YYYY-MM') };
  const report = useQuery({
    queryKey: ['reports', 'maintenance', query],
    queryFn: () => api.get<MaintenanceReport>('/api/reports/maintenance', query),
    enabled: projectId !== null,
  });
  const labels = useMemo(
    () => ({
      planned: t('assets.report.planned'),
      done: t('assets.report.done'),
      missed: t('assets.report.missed'),
      system: (s: string) => systemLabel(t, s),
    }),
    [t],
  );
  const r = report.data;
  return (
    <div data-testid="maintenance-report">
      <PageHeader
        title={t('assets.nav.report')}
        extra={
          <>
            <DatePicker picker="month" value={month} allowClear={false} onChange={(d) => d && setMonth(d)} />
            {can('export.run') && (
              <Button
                icon={<DownloadOutlined />}
                href={`/api/reports/maintenance${queryString({ ...query, format: 'xlsx' })}`}
                target="_blank"
              >
                {t('common.export')}
              </Button>
            )}
          </>
        }
      />
      <Spin spinning={report.isLoading}>
        {r && (
          <>
            <Row gutter={16} style={{ marginBottom: 16 }}>
              <Col span={4}>
                <Card>
                  <Statistic title={t('assets.report.completionRate')} value={pct(r.totals.completionRate)} />
                </Card>
              </Col>
              <Col span={4}>
                <Card>
                  <Statistic title={t('assets.report.onTimeRate')} value={pct(r.totals.onTimeRate)} />
                </Card>
              </Col>
              <Col span={4}>
                <Card>
                  <Statistic title={t('assets.report.missed')} value={r.totals.missed} />
                </Card>
              </Col>
              <Col span={4}>
                <Card>
                  <Statistic title={t('assets.report.defects')} value={r.totals.defects} />
                </Card>
              </Col>
              <Col span={4}>
                <Card>
                  <Statistic
                    title={t('assets.report.mttr')}
                    value={r.mttrHours === null ? '—' : t('assets.report.hours', { n: r.mttrHours })}
                  />
                </Card>
              </Col>
              <Col span={4}>
                <Card>
                  <Statistic title={t('assets.report.missedPatrol')} value={r.missedPatrolPoints} />
                </Card>
              </Col>
            </Row>
            <Card title={t('assets.report.bySystem')} style={{ marginBottom: 16 }}>
              <Suspense fallback={<Spin />}>
                <ReportCharts report={r} labels={labels} />
              </Suspense>
              <Table
                rowKey="system"
                size="small"
                pagination={false}
                dataSource={[...r.bySystem, { system: t('assets.report.total'), ...r.totals }]}
                columns={[
                  {
                    title: t('assets.fields.system'),
                    dataIndex: 'system',
                    render: (v: string) => systemLabel(t, v),
                  },
                  { title: t('assets.report.planned'), dataIndex: 'planned' },
                  { title: t('assets.report.done'), dataIndex: 'done' },
                  { title: t('assets.report.onTime'), dataIndex: 'onTime' },
                  { title: t('assets.report.missed'), dataIndex: 'missed' },
                  { title: t('assets.report.completionRate'), dataIndex: 'completionRate', render: pct },
                  { title: t('assets.report.onTimeRate'), dataIndex: 'onTimeRate', render: pct },
                  { title: t('assets.report.defects'), dataIndex: 'defects' },
                ]}
              />
            </Card>
            <Card title={t('assets.report.availability')}>
              <Table
                rowKey="system"
                size="small"
                pagination={false}
                dataSource={r.availability}
                columns={[
                  {
                    title: t('assets.fields.system'),
                    dataIndex: 'system',
                    render: (v: string) => systemLabel(t, v),
                  },
                  { title: t('assets.report.pieces'), dataIndex: 'pieces' },
                  { title: t('assets.report.downHours'), dataIndex: 'downHours' },
                  {
                    title: t('assets.report.availability'),
                    dataIndex: 'rate',
                    render: (v: number) => (
                      <Progress
                        percent={Math.round(v * 1000) / 10}
                        size="small"
                        status={v < 0.98 ? 'exception' : 'success'}
                      />
                    ),
                  },
                ]}
              />
            </Card>
          </>
        )}
      </Spin>
    </div>
  );
}
