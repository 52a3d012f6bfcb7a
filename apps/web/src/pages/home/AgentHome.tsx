import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTotal } from '../../api/hooks';
import { useAuth } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { HomeStat } from './HomeStat';
import { TicketMiniList } from './TicketMiniList';

/** 座席 home: my open tickets, items routed to me not yet accepted (offers), callbacks due. */
export default function AgentHome() {
  const { t } = useTranslation();
  const { user, projectId } = useAuth();
  const me = user?.id;
  const scope = projectId ? { projectId } : {};
  const ready = Boolean(me);
  const mine = useTotal('/api/tickets', { ...scope, assigneeId: me, open: 'true' }, ready);
  const offers = useTotal('/api/tickets', { ...scope, assigneeId: me, status: '待受理' }, ready);
  const due = useTotal('/api/callbacks', scope, Boolean(projectId));
  const overdue = useTotal('/api/callbacks', { ...scope, overdue: 'true' }, Boolean(projectId));
  return (
    <div data-testid="home-agent">
      <PageHeader
        title={t('desk.home.agentTitle')}
        subTitle={t('dashboard.welcome', { name: user?.displayName ?? '' })}
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} xl={6}>
          <HomeStat
            title={t('desk.home.myOpen')}
            value={mine.data}
            loading={mine.isLoading}
            to={`/tickets?open=true&assigneeId=${me}`}
            testId="home-my-open"
          />
        </Col>
        <Col xs={12} xl={6}>
          <HomeStat
            title={t('desk.home.myOffers')}
            value={offers.data}
            color="#fa8c16"
            loading={offers.isLoading}
            to={`/tickets?status=待受理&assigneeId=${me}`}
          />
        </Col>
        <Col xs={12} xl={6}>
          <HomeStat
            title={t('desk.home.callbacksDue')}
            value={due.data}
            color="#722ed1"
            loading={due.isLoading}
            to="/callbacks"
          />
        </Col>
        <Col xs={12} xl={6}>
          <HomeStat
            title={t('desk.home.callbacksOverdue')}
            value={overdue.data}
            color="#f5222d"
            loading={overdue.isLoading}
            to="/callbacks?view=overdue"
          />
        </Col>
      </Row>
      {me && (
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <TicketMiniList
              title={t('desk.home.myOpen')}
              query={{ ...scope, assigneeId: me, open: 'true', sort: 'due' }}
              to={`/tickets?open=true&assigneeId=${me}`}
              testId="home-my-tickets"
            />
          </Col>
          <Col xs={24} xl={12}>
            <TicketMiniList
              title={t('desk.home.myOffers')}
              query={{ ...scope, assigneeId: me, status: '待受理', sort: 'oldest' }}
              to={`/tickets?status=待受理&assigneeId=${me}`}
              testId="home-my-offers"
            />
          </Col>
        </Row>
      )}
    </div>
  );
}
