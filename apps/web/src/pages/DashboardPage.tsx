import {
  ApartmentOutlined,
  BankOutlined,
  FieldTimeOutlined,
  HomeOutlined,
  PhoneOutlined,
  ProfileOutlined,
  SearchOutlined,
  TeamOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { formatPhone, UNIT_STATUSES } from '@guanjia/shared';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Empty, Input, Progress, Row, Space, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import { useBuildings, useTotal } from '../api/hooks';
import type { Page, Resident } from '../api/types';
import { useAuth } from '../auth/AuthProvider';
import { PageHeader } from '../components/PageHeader';
import { TagList, VipBadge } from '../components/ResidentBadges';
import { SimpleList } from '../components/SimpleList';
import { formatDateTime } from '../format';
import { UNIT_STATUS_COLOR, useVocab } from '../vocab';

function StatCard({
  title,
  value,
  icon,
  color,
  loading,
  to,
}: {
  title: string;
  value: number | undefined;
  icon: ReactNode;
  color: string;
  loading: boolean;
  to?: string;
}) {
  const body = (
    <Card hoverable={Boolean(to)} loading={loading}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
        <div
          style={{
            width: 48,
            height: 48,
            borderRadius: 12,
            background: `${color}1a`,
            color,
            fontSize: 24,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
          }}
        >
          {icon}
        </div>
        <Statistic title={title} value={value ?? 0} />
      </div>
    </Card>
  );
  return to ? <Link to={to}>{body}</Link> : body;
}

const STATUS_HEX: Record<string, string> = {
  default: '#bfbfbf',
  blue: '#1677ff',
  orange: '#fa8c16',
  green: '#52c41a',
};

export default function DashboardPage() {
  const { t } = useTranslation();
  const vocab = useVocab();
  const { user, can, projects, projectId, project } = useAuth();
  const [q, setQ] = useState('');
  const estate = can('estate.read');
  const people = can('residents.read');
  const scope = projectId ? { projectId } : {};

  const buildings = useBuildings(estate ? projectId : null);
  const units = useTotal('/api/units', scope, estate && Boolean(projectId));
  // Staff without estate.read have no project selector: their counts cover their whole scope.
  const peopleReady = people && (!estate || Boolean(projectId));
  const residents = useTotal('/api/residents', scope, peopleReady);
  const vips = useTotal('/api/residents', { ...scope, vip: true }, peopleReady);
  // The service desk at a glance (issue 3): what is open, about to breach, breached, and callbacks due.
  const desk = can('tickets.read') && Boolean(projectId);
  const openTickets = useTotal('/api/tickets', { ...scope, open: 'true' }, desk);
  const warning = useTotal('/api/tickets', { ...scope, open: 'true', sla: 'warning' }, desk);
  const breached = useTotal('/api/tickets', { ...scope, open: 'true', sla: 'breached' }, desk);
  const callbacksDue = useTotal('/api/callbacks', scope, desk);
  const byStatus = useQuery({
    queryKey: ['dashboard', 'unitStatus', projectId],
    enabled: estate && Boolean(projectId),
    queryFn: async () =>
      Promise.all(
        UNIT_STATUSES.map(async (status) => ({
          status,
          total: (await api.get<Page<unknown>>('/api/units', { projectId, status, page: 1, pageSize: 1 }))
            .total,
        })),
      ),
  });
  const search = useQuery({
    queryKey: ['residents', 'quick', projectId, q],
    enabled: people && q.length > 0,
    queryFn: () => api.get<Page<Resident>>('/api/residents', { projectId, q, page: 1, pageSize: 10 }),
  });

  const unitTotal = units.data ?? 0;

  return (
    <div>
      <PageHeader
        title={t('dashboard.welcome', { name: user?.displayName ?? '' })}
        subTitle={
          project ? t('dashboard.projectLine', { name: project.name, code: project.code }) : undefined
        }
      />
      {!projectId && estate && (
        <Card style={{ marginBottom: 16 }}>
          <Empty description={t('dashboard.noProject')} />
        </Card>
      )}
      {desk && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="desk-stats">
          <Col xs={24} sm={12} xl={6}>
            <StatCard
              title={t('dashboard.openTickets')}
              value={openTickets.data}
              icon={<ProfileOutlined />}
              color="#1677ff"
              loading={openTickets.isLoading}
              to="/tickets?open=true"
            />
          </Col>
          <Col xs={24} sm={12} xl={6}>
            <StatCard
              title={t('dashboard.dueSoon')}
              value={warning.data}
              icon={<FieldTimeOutlined />}
              color="#fa8c16"
              loading={warning.isLoading}
              to="/tickets?sla=warning&open=true&sort=due"
            />
          </Col>
          <Col xs={24} sm={12} xl={6}>
            <StatCard
              title={t('dashboard.overdue')}
              value={breached.data}
              icon={<WarningOutlined />}
              color="#f5222d"
              loading={breached.isLoading}
              to="/tickets?sla=breached&open=true&sort=due"
            />
          </Col>
          <Col xs={24} sm={12} xl={6}>
            <StatCard
              title={t('dashboard.callbacksDue')}
              value={callbacksDue.data}
              icon={<PhoneOutlined />}
              color="#722ed1"
              loading={callbacksDue.isLoading}
              to={can('callbacks.write') ? '/callbacks' : undefined}
            />
          </Col>
        </Row>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} xl={6}>
          <StatCard
            title={t('dashboard.projects')}
            value={projects.length}
            icon={<BankOutlined />}
            color="#1677ff"
            loading={false}
            to={estate ? '/estate' : undefined}
          />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <StatCard
            title={t('dashboard.buildings')}
            value={buildings.data?.total}
            icon={<ApartmentOutlined />}
            color="#13c2c2"
            loading={buildings.isLoading}
            to={estate ? '/estate' : undefined}
          />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <StatCard
            title={t('dashboard.units')}
            value={units.data}
            icon={<HomeOutlined />}
            color="#fa8c16"
            loading={units.isLoading}
            to={estate ? '/estate' : undefined}
          />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <StatCard
            title={t('dashboard.residents')}
            value={residents.data}
            icon={<TeamOutlined />}
            color="#722ed1"
            loading={residents.isLoading}
            to={people ? '/residents' : undefined}
          />
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        {people && (
          <Col xs={24} xl={14}>
            <Card title={t('dashboard.quickSearch')}>
              <Input.Search
                data-testid="quick-search"
                size="large"
                allowClear
                enterButton={<SearchOutlined />}
                placeholder={t('dashboard.quickSearchPlaceholder')}
                onSearch={(value) => setQ(value.trim())}
              />
              <div style={{ marginTop: 16 }}>
                {q ? (
                  <SimpleList<Resident>
                    testId="quick-results"
                    loading={search.isFetching}
                    items={search.data?.items ?? []}
                    rowKey={(r) => r.id}
                    empty={t('dashboard.noMatch')}
                    render={(r) => (
                      <>
                        <div style={{ minWidth: 0 }}>
                          <Space size={6}>
                            <Link to={`/residents/${r.id}`}>{r.name}</Link>
                            <VipBadge vip={r.vip} />
                            <TagList tags={r.tags} />
                          </Space>
                          <div>
                            <Typography.Text type="secondary">
                              <Space size={12} wrap>
                                <span>
                                  {r.phones.map((p) => formatPhone(p.number)).join(' / ') ||
                                    t('residents.noPhone')}
                                </span>
                                <span>
                                  {r.units
                                    .map((u) => `${u.label}（${vocab.relation(u.relation)}）`)
                                    .join('、') || t('residents.noUnit')}
                                </span>
                              </Space>
                            </Typography.Text>
                          </div>
                        </div>
                        <Link to={`/residents/${r.id}`}>{t('common.view')}</Link>
                      </>
                    )}
                  />
                ) : (
                  <Typography.Text type="secondary">{t('dashboard.quickSearchHint')}</Typography.Text>
                )}
              </div>
            </Card>
          </Col>
        )}
        <Col xs={24} xl={people ? 10 : 24}>
          <Card title={t('dashboard.unitStatus')} loading={byStatus.isLoading} style={{ marginBottom: 16 }}>
            {byStatus.data && unitTotal > 0 ? (
              byStatus.data.map(({ status, total }) => (
                <div key={status} style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 8 }}>
                  <span style={{ width: 72 }}>{vocab.unitStatus(status)}</span>
                  <Progress
                    style={{ flex: 1, margin: 0 }}
                    percent={Math.round((total / unitTotal) * 100)}
                    strokeColor={STATUS_HEX[UNIT_STATUS_COLOR[status]]}
                    format={() => `${total}`}
                  />
                </div>
              ))
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noUnits')} />
            )}
          </Card>
          {project && (
            <Card title={t('dashboard.projectInfo')}>
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'kind', label: t('estate.project.kind'), children: vocab.projectKind(project.kind) },
                  { key: 'address', label: t('estate.project.address'), children: project.address || '—' },
                  {
                    key: 'phone',
                    label: t('estate.project.servicePhone'),
                    children: project.servicePhone || '—',
                  },
                  ...(people
                    ? [{ key: 'vip', label: t('dashboard.vipResidents'), children: vips.data ?? 0 }]
                    : []),
                  {
                    key: 'updated',
                    label: t('common.updatedAt'),
                    children: formatDateTime(project.updatedAt),
                  },
                ]}
              />
            </Card>
          )}
        </Col>
      </Row>
    </div>
  );
}
