import { EditOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import type { Patrol, PatrolMonthStats, PatrolRoute, PatrolStatus } from '@guanjia/shared/api';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Select, Space, Statistic, Table, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { MiniBars } from './MiniBars';
import { GradeTag, PatrolStatusTag, thisMonth, today } from './PatrolTags';
import { RouteEditor } from './RouteEditor';

/** 巡检路线: routes with their QR points, patrol records with grades, missed points, the month's figures. */
export default function PatrolRoutesPage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const [editing, setEditing] = useState<PatrolRoute | 'new' | null>(null);
  const routes = useQuery({
    queryKey: ['patrol-routes', projectId],
    queryFn: () => api.get<{ items: PatrolRoute[] }>('/api/patrol-routes', { projectId, pageSize: 200 }),
    enabled: Boolean(projectId),
  });
  return (
    <div>
      <PageHeader
        title={t('patrol.title')}
        subTitle={t('patrol.subtitle')}
        extra={
          can('assets.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('patrol.add')}
            </Button>
          )
        }
      />
      <Tabs
        defaultActiveKey="records"
        items={[
          {
            key: 'records',
            label: t('patrol.tabs.records'),
            children: <Records routes={routes.data?.items ?? []} />,
          },
          {
            key: 'routes',
            label: t('patrol.tabs.routes'),
            children: (
              <Card>
                <Table<PatrolRoute>
                  rowKey="id"
                  loading={routes.isLoading}
                  dataSource={routes.data?.items ?? []}
                  pagination={false}
                  expandable={{
                    expandedRowRender: (r) => (
                      <Table
                        size="small"
                        rowKey="id"
                        pagination={false}
                        dataSource={r.points}
                        columns={[
                          { title: '#', dataIndex: 'seq', width: 40 },
                          { title: t('patrol.code'), dataIndex: 'code', width: 90 },
                          { title: t('patrol.pointName'), dataIndex: 'name' },
                          { title: t('patrol.place'), dataIndex: 'place' },
                          {
                            title: t('patrol.window'),
                            key: 'w',
                            render: (_: unknown, p: PatrolRoute['points'][number]) =>
                              p.clockFrom
                                ? `${p.clockFrom}–${p.clockTo}`
                                : `+${p.offsetMinutes ?? 0} ± ${r.toleranceMinutes}`,
                          },
                          { title: 'QR', dataIndex: 'qr', render: (q: string) => <code>{q}</code> },
                        ]}
                      />
                    ),
                  }}
                  columns={[
                    {
                      title: t('patrol.name'),
                      dataIndex: 'name',
                      render: (v: string, r) => (
                        <Space>
                          {v}
                          {!r.active && <Tag>{t('patrol.inactive')}</Tag>}
                        </Space>
                      ),
                    },
                    {
                      title: t('patrol.kind'),
                      dataIndex: 'kind',
                      render: (k: PatrolRoute['kind']) => t(`patrol.kinds.${k}`),
                    },
                    {
                      title: t('patrol.schedule'),
                      key: 's',
                      render: (_: unknown, r) =>
                        t('patrol.scheduleText', {
                          from: r.schedule.from,
                          to: r.schedule.to,
                          every: r.schedule.everyMinutes,
                        }),
                    },
                    {
                      title: t('patrol.points'),
                      key: 'p',
                      render: (_: unknown, r) => t('patrol.pointCount', { count: r.points.length }),
                    },
                    {
                      title: t('common.actions'),
                      key: 'a',
                      render: (_: unknown, r) => (
                        <Space>
                          <Button
                            size="small"
                            icon={<PrinterOutlined />}
                            href={`/api/patrol-routes/${r.id}/labels.pdf`}
                            target="_blank"
                          >
                            {t('patrol.labels')}
                          </Button>
                          {can('assets.write') && (
                            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)}>
                              {t('patrol.edit')}
                            </Button>
                          )}
                        </Space>
                      ),
                    },
                  ]}
                />
              </Card>
            ),
          },
          { key: 'missed', label: t('patrol.tabs.missed'), children: <Missed /> },
          { key: 'stats', label: t('patrol.tabs.stats'), children: <Stats /> },
        ]}
      />
      {projectId && <RouteEditor projectId={projectId} route={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

function Records({ routes }: { routes: PatrolRoute[] }) {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  const [date, setDate] = useState(today());
  const [routeId, setRouteId] = useState<number | undefined>();
  const [status, setStatus] = useState<PatrolStatus | undefined>();
  const [page, setPage] = useState(1);
  const query = { projectId, date, routeId, status };
  const list = useQuery({
    queryKey: ['patrols', 'records', query, page],
    queryFn: () =>
      api.get<{ items: Patrol[]; total: number }>('/api/patrols', { ...query, page, pageSize: 20 }),
    enabled: Boolean(projectId),
  });
  return (
    <Card>
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker
          value={dayjs(date)}
          allowClear={false}
          onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
        />
        <Select
          allowClear
          placeholder={t('patrol.allRoutes')}
          style={{ width: 160 }}
          value={routeId}
          onChange={setRouteId}
          options={routes.map((r) => ({ value: r.id, label: r.name }))}
        />
        <Select
          allowClear
          placeholder={t('patrol.allStatuses')}
          style={{ width: 120 }}
          value={status}
          onChange={setStatus}
          options={(['待巡', '进行中', '已完成', '漏检'] as const).map((s) => ({
            value: s,
            label: t(`patrol.statuses.${s}`),
          }))}
        />
        <ExportButton path="/api/patrols/export.xlsx" query={query} />
      </Space>
      <Table<Patrol>
        rowKey="id"
        data-testid="patrol-records"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 20, onChange: setPage }}
        expandable={{
          expandedRowRender: (p) => (
            <Table
              size="small"
              rowKey="pointId"
              pagination={false}
              dataSource={p.checks}
              columns={[
                { title: '#', dataIndex: 'seq', width: 40 },
                { title: t('patrol.pointName'), dataIndex: 'name' },
                { title: t('patrol.place'), dataIndex: 'place' },
                {
                  title: t('patrol.window'),
                  key: 'w',
                  render: (_: unknown, c) =>
                    `${formatDateTime(c.windowFrom)}–${formatDateTime(c.windowTo).slice(-5)}`,
                },
                {
                  title: t('patrol.scannedAt'),
                  dataIndex: 'scannedAt',
                  render: (v: string | null) => formatDateTime(v),
                },
                {
                  title: t('patrol.scannedBy'),
                  dataIndex: 'scannedByName',
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: t('patrol.status'),
                  dataIndex: 'grade',
                  render: (g: Patrol['checks'][number]['grade']) => <GradeTag grade={g} />,
                },
              ]}
            />
          ),
        }}
        columns={[
          { title: t('patrol.route'), dataIndex: 'routeName' },
          { title: t('patrol.startsAt'), dataIndex: 'startsAt', render: (v: string) => formatDateTime(v) },
          {
            title: t('patrol.status'),
            dataIndex: 'status',
            render: (s: PatrolStatus) => <PatrolStatusTag status={s} />,
          },
          {
            title: t('patrol.progress'),
            key: 'p',
            render: (_: unknown, p) => `${p.counts.scanned}/${p.counts.planned}`,
          },
          { title: t('patrol.onTime'), key: 'o', render: (_: unknown, p) => p.counts.onTime },
          { title: t('patrol.early'), key: 'e', render: (_: unknown, p) => p.counts.early },
          { title: t('patrol.late'), key: 'l', render: (_: unknown, p) => p.counts.late },
          {
            title: t('patrol.missed'),
            key: 'm',
            render: (_: unknown, p) => (p.counts.missed ? <Tag color="error">{p.counts.missed}</Tag> : 0),
          },
        ]}
      />
    </Card>
  );
}

function MonthPicker({ month, onChange }: { month: string; onChange: (m: string) => void }) {
  return (
    <DatePicker
      picker="month"
      value={dayjs(`${month}-01`)}
      allowClear={false}
      onChange={(d) => d && onChange(d.format('YYYY-MM'))}
    />
  );
}

function Missed() {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  const [month, setMonth] = useState(thisMonth());
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['patrols', 'missed', projectId, month, page],
    queryFn: () =>
      api.get<{
        items: {
          patrolId: number;
          routeName: string;
          pointName: string;
          place: string;
          windowFrom: string;
          windowTo: string;
        }[];
        total: number;
      }>('/api/patrols/missed', { projectId, month, page, pageSize: 20 }),
    enabled: Boolean(projectId),
  });
  return (
    <Card>
      <MonthPicker month={month} onChange={setMonth} />
      <Table
        style={{ marginTop: 12 }}
        rowKey={(r) => `${r.patrolId}-${r.pointName}`}
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('patrol.noMissed') }}
        pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 20, onChange: setPage }}
        columns={[
          { title: t('patrol.route'), dataIndex: 'routeName' },
          { title: t('patrol.pointName'), dataIndex: 'pointName' },
          { title: t('patrol.place'), dataIndex: 'place' },
          {
            title: t('patrol.window'),
            key: 'w',
            render: (_: unknown, r) =>
              `${formatDateTime(r.windowFrom)}–${formatDateTime(r.windowTo).slice(-5)}`,
          },
        ]}
      />
    </Card>
  );
}

function Stats() {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  const [month, setMonth] = useState(thisMonth());
  const stats = useQuery({
    queryKey: ['patrols', 'stats', projectId, month],
    queryFn: () => api.get<PatrolMonthStats>('/api/patrols/stats', { projectId, month }),
    enabled: Boolean(projectId),
  });
  const s = stats.data;
  return (
    <Card>
      <MonthPicker month={month} onChange={setMonth} />
      {s && (
        <>
          <Space size="large" style={{ margin: '16px 0' }} wrap>
            <Statistic title={t('patrol.planned')} value={s.planned} />
            <Statistic title={t('patrol.onTime')} value={s.onTime} />
            <Statistic title={t('patrol.early')} value={s.early} />
            <Statistic title={t('patrol.late')} value={s.late} />
            <Statistic title={t('patrol.missed')} value={s.missed} />
            <Statistic
              title={t('patrol.onTimeRate')}
              value={s.onTimeRate === null ? '—' : `${(s.onTimeRate * 100).toFixed(1)}%`}
            />
          </Space>
          <div style={{ fontWeight: 500, marginBottom: 8 }}>{t('patrol.chartTitle')}</div>
          <MiniBars
            testId="patrol-chart"
            rows={s.days.map((d) => ({
              label: d.date.slice(8),
              values: [d.onTime, d.planned - d.onTime - d.missed, d.missed],
            }))}
            series={[
              { name: t('patrol.onTime'), color: '#52c41a' },
              { name: `${t('patrol.early')}/${t('patrol.late')}`, color: '#faad14' },
              { name: t('patrol.missed'), color: '#ff4d4f' },
            ]}
          />
          <Table
            style={{ marginTop: 16 }}
            size="small"
            rowKey="routeId"
            pagination={false}
            dataSource={s.routes}
            columns={[
              { title: t('patrol.route'), dataIndex: 'routeName' },
              { title: t('patrol.planned'), dataIndex: 'planned' },
              { title: t('patrol.onTime'), dataIndex: 'onTime' },
              { title: t('patrol.early'), dataIndex: 'early' },
              { title: t('patrol.late'), dataIndex: 'late' },
              { title: t('patrol.missed'), dataIndex: 'missed' },
            ]}
          />
        </>
      )}
    </Card>
  );
}
