import type { VisitReport } from '@guanjia/shared/api';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, DatePicker, Row, Space, Statistic, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ExportButton } from '../../components/ExportButton';
import { formatRatio } from '../../format';
import { EChart } from '../emergencies/EChart';

/** R08: coverage against its target, the heads’ monthly quota, move-in visits and the zone ranking. */
export function Report({ projectId }: { projectId: number }) {
  const { t } = useTranslation();
  const [month, setMonth] = useState(dayjs());
  const query = { projectId, month: month.format('YYYY-MM') };
  const report = useQuery({
    queryKey: ['visit-report', query],
    queryFn: () => api.get<VisitReport>('/api/reports/visits', query),
  });
  const r = report.data;
  const zones = useMemo(
    () =>
      r && {
        tooltip: {},
        xAxis: { type: 'category' as const, data: r.byZone.map((z) => z.zoneName) },
        yAxis: { type: 'value' as const, max: 100 },
        series: [{ type: 'bar' as const, data: r.byZone.map((z) => Math.round(z.coverage * 1000) / 10) }],
      },
    [r],
  );
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <DatePicker picker="month" value={month} onChange={(v) => v && setMonth(v)} allowClear={false} />
        <ExportButton path="/api/reports/visits/export.xlsx" query={query} />
      </Space>
      {r && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={6}>
              <Card size="small">
                <Statistic
                  title={`${t('visits.coverage')}（${formatRatio(r.coverageTarget)}）`}
                  value={formatRatio(r.coverage)}
                />
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small">
                <Statistic title={t('visits.covered')} value={`${r.covered}/${r.households}`} />
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small">
                <Statistic title={t('visits.moveInOnTime')} value={`${r.moveIn.onTime}/${r.moveIn.due}`} />
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small">
                <Statistic
                  title={t('visits.moveInMissed')}
                  value={r.moveIn.missed}
                  valueStyle={{ color: r.moveIn.missed ? '#cf1322' : undefined }}
                />
              </Card>
            </Col>
          </Row>
          {r.warnings.map((w) => (
            <p key={w} style={{ color: '#cf1322' }}>
              {w}
            </p>
          ))}
          <Row gutter={16}>
            <Col span={12}>
              <Card size="small" title={t('visits.quota', { n: r.quota.required })}>
                <Table
                  size="small"
                  rowKey="userId"
                  pagination={false}
                  dataSource={r.quota.heads}
                  columns={[
                    { title: t('visits.head'), dataIndex: 'name' },
                    { title: t('visits.done'), dataIndex: 'done' },
                    {
                      title: '',
                      render: (_, h) => (h.warning ? <Tag color="red">{t('visits.short')}</Tag> : null),
                    },
                  ]}
                />
              </Card>
            </Col>
            <Col span={12}>
              <Card size="small" title={t('visits.zoneRanking')}>
                {zones && <EChart option={zones} height={220} />}
              </Card>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
