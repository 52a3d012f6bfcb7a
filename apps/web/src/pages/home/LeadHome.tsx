import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Wallboard } from '../../api/callTypes';
import { api } from '../../api/client';
import { useTotal } from '../../api/hooks';
import type { HomeToday } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { HomeStat } from './HomeStat';
import { TicketMiniList } from './TicketMiniList';

/** 班长 home: the team's unaccepted queue, SLA at risk, chased tickets, and the wallboard at a glance. */
export default function LeadHome() {
  const { t } = useTranslation();
  const { user, projectId, can } = useAuth();
  const ready = Boolean(projectId);
  const scope = { projectId: projectId ?? undefined };
  const queue = useTotal('/api/tickets', { ...scope, status: '待受理' }, ready);
  const warning = useTotal('/api/tickets', { ...scope, open: 'true', sla: 'warning' }, ready);
  const breached = useTotal('/api/tickets', { ...scope, open: 'true', sla: 'breached' }, ready);
  const today = useQuery({
    queryKey: ['home', 'today', projectId],
    queryFn: () => api.get<HomeToday>('/api/home/today', { projectId: projectId ?? undefined }),
    enabled: ready && can('reports.read'),
    refetchInterval: 60_000,
  });
  const board = useQuery({
    queryKey: ['wallboard', projectId, 'home'],
    queryFn: () => api.get<Wallboard>('/api/wallboard', { projectId: projectId ?? undefined }),
    enabled: ready && can('calls.read'),
    refetchInterval: 30_000,
  });
  if (!projectId)
    return (
      <div data-testid="home-lead">
        <Empty description={t('desk.home.noProject')} />
      </div>
    );
  const b = board.data;
  const online = b?.agents.filter((a) => a.state !== '离线').length ?? 0;
  const waiting = b?.queues.reduce((s, q) => s + q.waiting, 0) ?? 0;
  return (
    <div data-testid="home-lead">
      <PageHeader
        title={t('desk.home.leadTitle')}
        subTitle={t('dashboard.welcome', { name: user?.displayName ?? '' })}
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} xl={6}>
          <HomeStat
            title={t('desk.home.teamQueue')}
            value={queue.data}
            loading={queue.isLoading}
            to="/tickets?status=待受理"
            testId="home-team-queue"
          />
        </Col>
        <Col xs={12} xl={6}>
          <HomeStat
            title={t('desk.home.warnings')}
            value={warning.data}
            color="#fa8c16"
            loading={warning.isLoading}
            to="/tickets?sla=warning&open=true&sort=due"
          />
        </Col>
        <Col xs={12} xl={6}>
          <HomeStat
            title={t('desk.home.breached')}
            value={breached.data}
            color="#f5222d"
            loading={breached.isLoading}
            to="/tickets?sla=breached&open=true&sort=due"
          />
        </Col>
        <Col xs={12} xl={6}>
          <HomeStat
            title={t('desk.home.urged')}
            value={today.data?.open.urged}
            color="#d48806"
            loading={today.isLoading}
          />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <TicketMiniList
            title={t('desk.home.teamQueue')}
            query={{ ...scope, status: '待受理', sort: 'oldest' }}
            to="/tickets?status=待受理"
            testId="home-queue-list"
          />
          <TicketMiniList
            title={t('desk.home.slaRisk')}
            query={{ ...scope, open: 'true', sla: 'warning', sort: 'due' }}
            to="/tickets?sla=warning&open=true&sort=due"
            testId="home-risk-list"
          />
        </Col>
        <Col xs={24} xl={10}>
          {can('calls.read') && (
            <Card
              size="small"
              title={t('desk.home.wallboard')}
              loading={board.isLoading}
              extra={<Link to="/wallboard">{t('desk.home.openWallboard')}</Link>}
              data-testid="home-wallboard"
            >
              <Row gutter={[8, 8]}>
                <Col span={12}>
                  <Statistic
                    title={t('desk.home.waiting')}
                    value={waiting}
                    valueStyle={waiting ? { color: '#f5222d' } : undefined}
                  />
                </Col>
                <Col span={12}>
                  <Statistic title={t('desk.home.agentsOnline')} value={online} />
                </Col>
                <Col span={12}>
                  <Statistic title={t('desk.home.answeredToday')} value={b?.today.answered ?? 0} />
                </Col>
                <Col span={12}>
                  <Statistic title={t('desk.home.abandonedToday')} value={b?.today.abandoned ?? 0} />
                </Col>
              </Row>
            </Card>
          )}
        </Col>
      </Row>
    </div>
  );
}
