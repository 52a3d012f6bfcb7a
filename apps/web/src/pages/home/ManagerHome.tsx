import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { HomeToday } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { ComplaintHomeCards } from '../complaints/ComplaintHomeCards';
import { HomeStat } from './HomeStat';
import { TicketMiniList } from './TicketMiniList';
import { TodayKpis } from './TodayKpis';

/** 主管 / 项目经理 home: today's KPIs, the open backlog (complaints, SLA warnings, chased tickets). */
export default function ManagerHome() {
  const { t } = useTranslation();
  const { user, projectId, project } = useAuth();
  const today = useQuery({
    queryKey: ['home', 'today', projectId],
    queryFn: () => api.get<HomeToday>('/api/home/today', { projectId: projectId ?? undefined }),
    enabled: Boolean(projectId),
    refetchInterval: 60_000,
  });
  if (!projectId)
    return (
      <div data-testid="home-manager">
        <Empty description={t('desk.home.noProject')} />
      </div>
    );
  const o = today.data?.open;
  return (
    <div data-testid="home-manager">
      <PageHeader
        title={t('desk.home.managerTitle')}
        subTitle={[t('dashboard.welcome', { name: user?.displayName ?? '' }), project?.name]
          .filter(Boolean)
          .join(' · ')}
      />
      {today.data ? <TodayKpis today={today.data} /> : <Card loading style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} xl={6}>
          <HomeStat
            title={t('desk.home.openTickets')}
            value={o?.tickets}
            loading={today.isLoading}
            to="/tickets?open=true"
          />
        </Col>
        <Col xs={12} xl={6}>
          <HomeStat
            title={t('desk.home.openComplaints')}
            value={o?.complaints}
            color="#eb2f96"
            loading={today.isLoading}
            to="/tickets?open=true&type=投诉"
            testId="home-open-complaints"
          />
        </Col>
        <Col xs={12} xl={4}>
          <HomeStat
            title={t('desk.home.warnings')}
            value={o?.warning}
            color="#fa8c16"
            loading={today.isLoading}
            to="/tickets?sla=warning&open=true&sort=due"
          />
        </Col>
        <Col xs={12} xl={4}>
          <HomeStat
            title={t('desk.home.breached')}
            value={o?.breached}
            color="#f5222d"
            loading={today.isLoading}
            to="/tickets?sla=breached&open=true&sort=due"
          />
        </Col>
        <Col xs={12} xl={4}>
          <HomeStat title={t('desk.home.urged')} value={o?.urged} color="#d48806" loading={today.isLoading} />
        </Col>
      </Row>
      {/* Open complaints by stage, 督办 items and 投诉预警 (modules/complaints). */}
      <div style={{ margin: '16px 0' }}>
        <ComplaintHomeCards projectId={projectId} />
      </div>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <TicketMiniList
            title={t('desk.home.breached')}
            query={{ projectId, open: 'true', sla: 'breached', sort: 'due' }}
            to="/tickets?sla=breached&open=true&sort=due"
            testId="home-breached-list"
          />
        </Col>
        <Col xs={24} xl={12}>
          <TicketMiniList
            title={t('desk.home.openComplaints')}
            query={{ projectId, open: 'true', type: '投诉', sort: 'oldest' }}
            to="/tickets?open=true&type=投诉"
            testId="home-complaint-list"
          />
        </Col>
      </Row>
    </div>
  );
}
