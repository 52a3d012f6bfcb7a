import { FilePdfOutlined } from '@ant-design/icons';
import type { AnalyticsCard, AnalyticsDashboard } from '@guanjia/shared/api';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Empty, Row, Space, Statistic, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { useEnumLabel } from '../../enumLabel';
import { DrillDrawer } from './DrillDrawer';
import { EChart } from './EChart';
import { optionOf } from './options';

const pct = (r: number) => `${(Math.round(r * 1000) / 10).toFixed(1)}%`;

/** One registered dashboard (GET /api/analytics/:dashboard): clickable cards, its charts, Excel, the monthly PDF. */
export default function AnalyticsDashboardPage() {
  const { t, i18n } = useTranslation();
  const enumLabel = useEnumLabel();
  const { dashboard = 'service' } = useParams();
  const { projectId } = useAuth();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(29, 'day'), dayjs()]);
  const [month, setMonth] = useState<Dayjs>(() => dayjs().startOf('month'));
  const [drill, setDrill] = useState<(AnalyticsCard['drill'] & { label: string }) | null>(null);
  const query = {
    projectId: projectId ?? undefined,
    from: range[0].format('YYYY-MM-DD'),
    to: range[1].format('YYYY-MM-DD'),
  };
  const result = useQuery({
    // The server writes the labels in the console's language: a switch fetches them again.
    queryKey: ['analytics', dashboard, query, i18n.language],
    queryFn: () => api.get<AnalyticsDashboard>(`/api/analytics/${dashboard}`, query),
    enabled: Boolean(projectId),
  });
  const d = result.data;
  const noData = t('analytics.dashboard.noData');
  // Lines and axes may be stored values (channels, ticket types): they read in the console's language.
  const options = useMemo(
    () =>
      (d?.series ?? []).map((s) => ({
        s,
        option: optionOf(
          {
            ...s,
            categories: s.categories.map(enumLabel),
            data: s.data.map((row) => ({ ...row, name: enumLabel(row.name) })),
          },
          noData,
        ),
      })),
    [d, noData, enumLabel],
  );

  return (
    <>
      <PageHeader
        title={d?.title ?? t(`analytics.nav.${dashboard}`, { defaultValue: dashboard })}
        subTitle={t('analytics.dashboard.subtitle')}
        extra={
          <Space wrap>
            <DatePicker.RangePicker
              value={range}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
              allowClear={false}
            />
            <ExportButton path={`/api/analytics/${dashboard}`} query={{ ...query, format: 'xlsx' }} />
            {dashboard === 'service' && (
              <Space.Compact>
                <DatePicker
                  picker="month"
                  value={month}
                  onChange={(v) => v && setMonth(v)}
                  allowClear={false}
                />
                <Button
                  icon={<FilePdfOutlined />}
                  data-testid="monthly-pdf"
                  href={`/api/reports/monthly.pdf?projectId=${projectId ?? ''}&month=${month.format('YYYY-MM')}`}
                  target="_blank"
                >
                  {t('analytics.dashboard.downloadPdf')}
                </Button>
              </Space.Compact>
            )}
          </Space>
        }
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {(d?.cards ?? []).map((c) => (
          <Col key={c.key} xs={12} md={8} lg={6} xl={4}>
            <Card
              size="small"
              hoverable
              data-testid={`card-${c.key}`}
              onClick={() => setDrill({ ...c.drill, label: c.label })}
            >
              <Statistic title={c.label} value={c.value} />
              {c.base && (
                <Typography.Text
                  type={
                    c.rate === null
                      ? 'secondary'
                      : c.good === 'low'
                        ? c.rate > 0
                          ? 'danger'
                          : 'success'
                        : undefined
                  }
                  data-testid={`rate-${c.key}`}
                >
                  {c.rate === null ? noData : pct(c.rate)}{' '}
                  {t('analytics.dashboard.of', { base: c.base.label })}
                </Typography.Text>
              )}
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        {options.map(({ s, option }) => (
          <Col key={s.key} xs={24} xl={12}>
            <Card size="small" title={s.label}>
              {s.data.length ? (
                <EChart option={option} testId={`chart-${s.key}`} />
              ) : (
                <Empty description={t('analytics.dashboard.empty')} />
              )}
            </Card>
          </Col>
        ))}
      </Row>
      <DrillDrawer drill={drill} onClose={() => setDrill(null)} />
    </>
  );
}
