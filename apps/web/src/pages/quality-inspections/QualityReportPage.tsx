import { Card, Col, DatePicker, Row, Space, Statistic, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthProvider';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { EChart } from '../emergencies/EChart';
import { useQualityReport } from './hooks';

/** R17: scores over time and by sheet, zone ranking, top deductions, rectification rates, 9S counts. */
export default function QualityReportPage() {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([
    dayjs().subtract(5, 'month').startOf('month'),
    dayjs(),
  ]);
  const query = {
    projectId: projectId ?? undefined,
    from: range[0].format('YYYY-MM-DD'),
    to: range[1].format('YYYY-MM-DD'),
  };
  const q = useQualityReport(query);
  const r = q.data;
  const monthsOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' as const },
      grid: { left: 40, right: 16, top: 16, bottom: 24 },
      xAxis: { type: 'category' as const, data: r?.months.map((m) => m.month) ?? [] },
      yAxis: { type: 'value' as const, min: 0, max: 100 },
      series: [{ type: 'line' as const, data: r?.months.map((m) => m.avgPercent) ?? [] }],
    }),
    [r],
  );
  const sheetsOption = useMemo(
    () => ({
      tooltip: {},
      grid: { left: 160, right: 16, top: 16, bottom: 24 },
      xAxis: { type: 'value' as const, min: 0, max: 100 },
      yAxis: { type: 'category' as const, data: r?.sheets.map((s) => s.name) ?? [] },
      series: [{ type: 'bar' as const, data: r?.sheets.map((s) => s.avgPercent) ?? [] }],
    }),
    [r],
  );
  return (
    <>
      <PageHeader
        title={t('qi.report.title')}
        subTitle={t('qi.report.subtitle')}
        extra={
          <Space>
            <DatePicker.RangePicker
              value={range}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
              allowClear={false}
            />
            <ExportButton path="/api/reports/quality" query={{ ...query, format: 'xlsx' }} />
          </Space>
        }
      />
      {r && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('qi.report.total')} value={r.rectifications.total} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('qi.report.onTime')}
                  value={r.rectifications.onTimeRate ?? '—'}
                  suffix="%"
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('qi.report.passRate')}
                  value={r.rectifications.passRate ?? '—'}
                  suffix="%"
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('qi.report.overdue')}
                  value={r.rectifications.overdueOpen}
                  valueStyle={{ color: r.rectifications.overdueOpen ? '#cf1322' : undefined }}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('qi.report.months')} style={{ marginBottom: 16 }}>
                <EChart option={monthsOption} testId="qi-chart-months" />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('qi.report.sheets')} style={{ marginBottom: 16 }}>
                <EChart option={sheetsOption} testId="qi-chart-sheets" />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('qi.report.zones')} style={{ marginBottom: 16 }}>
                <Table
                  size="small"
                  rowKey="zoneId"
                  pagination={false}
                  dataSource={r.zones}
                  columns={[
                    { title: t('qi.report.rank'), dataIndex: 'rank', width: 60 },
                    { title: '', dataIndex: 'name' },
                    { title: t('qi.report.count'), dataIndex: 'inspections', width: 70 },
                    { title: t('qi.report.avg'), dataIndex: 'avgPercent', width: 80 },
                  ]}
                />
              </Card>
              <Card size="small" title={t('qi.report.nines')} style={{ marginBottom: 16 }}>
                <Table
                  size="small"
                  rowKey={(x) => `${x.userId}-${x.month}`}
                  pagination={false}
                  dataSource={r.nines}
                  columns={[
                    { title: '', dataIndex: 'name' },
                    { title: '', dataIndex: 'month', width: 90 },
                    { title: t('qi.report.count'), dataIndex: 'count', width: 70 },
                    {
                      title: '',
                      width: 140,
                      render: (_, x) =>
                        x.flagged && <Tag color="red">{t('qi.report.flagged', { n: x.points })}</Tag>,
                    },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('qi.report.items')} style={{ marginBottom: 16 }}>
                <Table
                  size="small"
                  rowKey={(x) => `${x.sheetName}-${x.itemTitle}`}
                  pagination={{ pageSize: 10 }}
                  dataSource={r.items}
                  columns={[
                    { title: '', render: (_, x) => `${x.sectionTitle} · ${x.itemTitle}` },
                    { title: t('qi.report.defects'), dataIndex: 'defects', width: 80 },
                    { title: t('qi.report.deduction'), dataIndex: 'deduction', width: 70 },
                  ]}
                />
              </Card>
              <Card size="small" title={t('qi.form.ncType')}>
                <Space wrap>
                  {r.ncTypes.map((n) => (
                    <Tag key={n.ncType}>
                      {t(`qi.nc.${n.ncType}`)} {n.count}
                    </Tag>
                  ))}
                </Space>
              </Card>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
