import type { EmergencyR19 } from '@guanjia/shared/api';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, DatePicker, Row, Statistic, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { useEnumLabel } from '../../enumLabel';
import { EChart } from './EChart';

/** R19 特别事件报表: incidents by type, level and month; each step's deadline compliance; time to control. */
export default function EmergencyReportPage() {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const { projectId } = useAuth();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [
    dayjs().subtract(5, 'month').startOf('month'),
    dayjs(),
  ]);
  const query = {
    projectId: projectId ?? undefined,
    from: range[0].format('YYYY-MM-DD'),
    to: range[1].format('YYYY-MM-DD'),
  };
  const report = useQuery({
    queryKey: ['emergency-r19', query],
    queryFn: () => api.get<EmergencyR19>('/api/reports/emergencies', query),
    enabled: Boolean(projectId),
  });
  const r = report.data;
  const options = useMemo(
    () =>
      r && {
        type: {
          tooltip: {},
          series: [
            {
              type: 'pie' as const,
              radius: '65%',
              data: r.byType.map((x) => ({ name: label(x.type), value: x.count })),
            },
          ],
        },
        month: {
          tooltip: {},
          xAxis: { type: 'category' as const, data: r.byMonth.map((x) => x.month) },
          yAxis: { type: 'value' as const, minInterval: 1 },
          series: [{ type: 'bar' as const, data: r.byMonth.map((x) => x.count) }],
        },
        steps: {
          tooltip: {},
          grid: { left: 160 },
          xAxis: { type: 'value' as const, max: 100 },
          yAxis: { type: 'category' as const, data: r.steps.map((s) => s.title) },
          series: [{ type: 'bar' as const, data: r.steps.map((s) => s.compliancePct ?? 0) }],
        },
      },
    [r, label],
  );

  return (
    <>
      <PageHeader
        title={t('emergencies.r19.title')}
        subTitle={t('emergencies.r19.subtitle')}
        extra={
          <>
            <DatePicker.RangePicker
              value={range}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
              allowClear={false}
            />
            <ExportButton path="/api/reports/emergencies" query={{ ...query, format: 'xlsx' }} />
          </>
        }
      />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Card size="small">
            <Statistic title={t('emergencies.r19.total')} value={r?.total ?? 0} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title={t('emergencies.r19.toControl')} value={r?.medianMinutesToControl ?? '—'} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title={t('emergencies.r19.openItems')} value={r?.openRectifications ?? 0} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            {(r?.byLevel ?? []).map((l) => (
              <div key={l.level}>
                {label(l.level)}：{l.count}
              </div>
            ))}
          </Card>
        </Col>
      </Row>
      {options && (
        <Row gutter={16}>
          <Col xs={24} lg={8}>
            <Card size="small" title={t('emergencies.r19.byType')}>
              <EChart option={options.type} testId="r19-type" />
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            <Card size="small" title={t('emergencies.r19.byMonth')}>
              <EChart option={options.month} />
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            <Card size="small" title={t('emergencies.r19.compliance')}>
              <EChart option={options.steps} />
            </Card>
          </Col>
        </Row>
      )}
      <Table
        style={{ marginTop: 16 }}
        rowKey="key"
        size="small"
        loading={report.isLoading}
        dataSource={r?.steps ?? []}
        pagination={false}
        columns={[
          { title: t('emergencies.detail.step'), dataIndex: 'title' },
          { title: t('emergencies.r19.total'), dataIndex: 'total' },
          { title: t('emergencies.review.met'), dataIndex: 'met' },
          {
            title: t('emergencies.r19.pct'),
            render: (_, s) => (s.compliancePct === null ? '—' : `${s.compliancePct}%`),
          },
          { title: t('emergencies.r19.medianLate'), render: (_, s) => s.medianLateMinutes ?? '—' },
        ]}
      />
    </>
  );
}
