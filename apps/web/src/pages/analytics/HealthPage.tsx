import type { HealthLeague } from '@guanjia/shared/api';
import { useQuery } from '@tanstack/react-query';
import { DatePicker, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { DrillDrawer } from './DrillDrawer';

type Drill = HealthLeague['regions'][number]['projects'][number]['parts'][number]['drill'] & {
  label: string;
};
interface Row {
  key: string;
  name: string;
  score: number | null;
  parts?: HealthLeague['regions'][number]['projects'][number]['parts'];
  children?: Row[];
}

/** 项目健康分: group → region → project, each part's number opening the records it counts. */
export default function HealthPage() {
  const { t, i18n } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(29, 'day'), dayjs()]);
  const [drill, setDrill] = useState<Drill | null>(null);
  const query = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const league = useQuery({
    queryKey: ['analytics-health', query, i18n.language],
    queryFn: () => api.get<HealthLeague>('/api/analytics/health', query),
  });
  const l = league.data;
  const noData = t('analytics.dashboard.noData');
  const rows: Row[] = l
    ? [
        {
          key: 'group',
          name: l.group.name,
          score: l.group.score,
          children: l.regions.map((r) => ({
            key: `r-${r.name}`,
            name: r.name,
            score: r.score,
            children: r.projects.map((p) => ({
              key: `p-${p.projectId}`,
              name: p.projectName,
              score: p.score,
              parts: p.parts,
            })),
          })),
        },
      ]
    : [];
  return (
    <>
      <PageHeader
        title={t('analytics.health.title')}
        subTitle={t('analytics.health.subtitle')}
        extra={
          <DatePicker.RangePicker
            value={range}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            allowClear={false}
          />
        }
      />
      <Table<Row>
        data-testid="health-table"
        loading={league.isLoading}
        dataSource={rows}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        columns={[
          { key: 'name', dataIndex: 'name', title: t('analytics.health.name') },
          {
            key: 'score',
            dataIndex: 'score',
            title: t('analytics.health.score'),
            render: (s: number | null) => (s === null ? <Tag>{noData}</Tag> : <b>{s.toFixed(1)}</b>),
          },
          {
            key: 'parts',
            title: t('analytics.health.parts'),
            render: (_, r) => (
              <Space wrap>
                {(r.parts ?? []).map((p) => (
                  <Tag
                    key={p.key}
                    style={{ cursor: 'pointer' }}
                    onClick={() => setDrill({ ...p.drill, label: p.label })}
                  >
                    {p.label}：{p.rate === null ? noData : `${(p.rate * 100).toFixed(1)}%`}（{p.value}/
                    {p.base}，×{p.weight}）
                  </Tag>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <DrillDrawer drill={drill} onClose={() => setDrill(null)} />
    </>
  );
}
