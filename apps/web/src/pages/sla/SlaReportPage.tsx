import type { TicketType } from '@guanjia/shared';
import { useQuery } from '@tanstack/react-query';
import {
  Card,
  Col,
  DatePicker,
  Empty,
  Progress,
  Row,
  Statistic,
  Table,
  type TableProps,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { SlaReport, SlaReportGroup } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { TicketTypeTag } from '../../components/ServiceTags';

const pct = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : `${Math.round(n * 1000) / 10}%`;

/** SLA 报表: compliance per type × category over a date range, with arrival/fix times and satisfaction. */
export default function SlaReportPage() {
  const { t } = useTranslation();
  const { projectId, project } = useAuth();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(29, 'day'), dayjs()]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].add(1, 'day').format('YYYY-MM-DD');
  const report = useQuery({
    queryKey: ['reports', 'sla', projectId, from, to],
    queryFn: () => api.get<SlaReport>('/api/reports/sla', { projectId: projectId ?? undefined, from, to }),
    enabled: Boolean(projectId),
  });
  const minutes = (v: number | null) => {
    if (v === null) return '—';
    return v >= 120
      ? t('sla.target.hours', { value: Math.round((v / 60) * 10) / 10 })
      : t('sla.target.minutes', { value: v });
  };
  const totals = report.data?.totals;
  const judged = totals ? totals.met + totals.breached : 0;

  const columns: TableProps<SlaReportGroup>['columns'] = [
    {
      title: t('tickets.fields.type'),
      dataIndex: 'type',
      width: 80,
      render: (v: string) =>
        v in { 报修: 1, 投诉: 1, 咨询: 1, 建议: 1, 求助: 1, 表扬: 1 } ? (
          <TicketTypeTag type={v as TicketType} />
        ) : (
          v
        ),
    },
    {
      title: t('tickets.fields.category'),
      dataIndex: 'category',
      render: (v: string) => (v === '未分类' ? t('slaReport.uncategorized') : v),
    },
    { title: t('slaReport.total'), dataIndex: 'total', align: 'right' },
    { title: t('slaReport.open'), dataIndex: 'open', align: 'right' },
    {
      title: t('slaReport.met'),
      key: 'met',
      width: 150,
      render: (_: unknown, g) => (
        <Progress
          size="small"
          percent={g.total ? Math.round((g.met / g.total) * 100) : 0}
          format={() => `${g.met}/${g.total}`}
          strokeColor="#52c41a"
        />
      ),
    },
    {
      title: t('slaReport.breached'),
      dataIndex: 'breached',
      align: 'right',
      render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0),
    },
    {
      title: t('slaReport.arrive'),
      key: 'arrive',
      render: (_: unknown, g) => `${minutes(g.arriveMinutes.median)} / ${minutes(g.arriveMinutes.p90)}`,
    },
    {
      title: t('slaReport.fix'),
      key: 'fix',
      render: (_: unknown, g) => `${minutes(g.fixMinutes.median)} / ${minutes(g.fixMinutes.p90)}`,
    },
    {
      title: t('slaReport.callbackOnTime'),
      key: 'cb',
      render: (_: unknown, g) =>
        g.callbacks.due ? `${pct(g.callbacks.onTimeRate)}（${g.callbacks.onTime}/${g.callbacks.due}）` : '—',
    },
    {
      title: t('slaReport.satisfaction'),
      key: 'sat',
      render: (_: unknown, g) =>
        g.satisfaction.average === null
          ? '—'
          : `${g.satisfaction.average} · ${pct(g.satisfaction.satisfiedRate)}`,
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('slaReport.title')}
        subTitle={project?.name}
        extra={
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(v) => {
              if (v?.[0] && v[1]) setRange([v[0], v[1]]);
            }}
            presets={[
              { label: t('slaReport.presets.week'), value: [dayjs().subtract(6, 'day'), dayjs()] },
              { label: t('slaReport.presets.month'), value: [dayjs().subtract(29, 'day'), dayjs()] },
              { label: t('slaReport.presets.thisMonth'), value: [dayjs().startOf('month'), dayjs()] },
            ]}
          />
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card loading={report.isLoading}>
            <Statistic title={t('slaReport.total')} value={totals?.total ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card loading={report.isLoading}>
            <Statistic
              title={t('slaReport.metRate')}
              value={totals && judged ? Math.round((totals.met / judged) * 1000) / 10 : 0}
              suffix="%"
              styles={{ content: { color: '#389e0d' } }}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card loading={report.isLoading}>
            <Statistic
              title={t('slaReport.breached')}
              value={totals?.breached ?? 0}
              styles={{ content: { color: '#cf1322' } }}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card loading={report.isLoading}>
            <Statistic
              title={t('slaReport.callbackOnTime')}
              value={
                totals?.callbacksDue
                  ? Math.round((totals.callbacksOnTime / totals.callbacksDue) * 1000) / 10
                  : 0
              }
              suffix="%"
            />
          </Card>
        </Col>
      </Row>
      <Card
        title={t('slaReport.byCategory')}
        extra={<Typography.Text type="secondary">{t('slaReport.durationHint')}</Typography.Text>}
      >
        <Table<SlaReportGroup>
          rowKey={(g) => `${g.type}/${g.category}`}
          size="middle"
          loading={report.isLoading}
          dataSource={report.data?.groups ?? []}
          columns={columns}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('slaReport.empty')} />,
          }}
          data-testid="sla-report"
        />
      </Card>
    </div>
  );
}
