import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Statistic, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Wallboard } from '../../api/callTypes';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { useLiveRefresh } from '../../live/useLiveRefresh';

const STATE_COLORS: Record<string, string> = {
  在线: 'green',
  小休: 'orange',
  通话中: 'blue',
  离线: 'default',
};

/** 班长席: queues, agents and today's answer figures, refreshed by live call and presence events. */
export default function WallboardPage() {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  useLiveRefresh(['call.updated', 'agent.presence', 'call'], [['wallboard']]);
  const board = useQuery({
    queryKey: ['wallboard', projectId],
    queryFn: () => api.get<Wallboard>('/api/wallboard', { projectId: projectId ?? undefined }),
    enabled: Boolean(projectId),
    // Waiting times grow by themselves: re-read every few seconds even with the socket up.
    refetchInterval: 5_000,
  });
  const b = board.data;
  const rate = b?.today.answeredWithinTargetRate;
  return (
    <>
      <PageHeader title={t('wallboard.title')} subTitle={t('wallboard.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('wallboard.answered')} value={b?.today.answered ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('wallboard.abandoned')} value={b?.today.abandoned ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={t('wallboard.withinTarget', {
                rings: b?.today.targetRings ?? 3,
                seconds: b?.today.targetSeconds ?? 15,
              })}
              value={rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)}%`}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('wallboard.callbacksPending')} value={b?.today.callbacksPending ?? 0} />
          </Card>
        </Col>
        <Col xs={24} md={10}>
          <Card title={t('wallboard.queues')}>
            {b?.queues.length ? (
              <Table
                rowKey={(r) => r.name ?? '-'}
                size="small"
                pagination={false}
                dataSource={b.queues}
                columns={[
                  { title: t('wallboard.queue'), dataIndex: 'name', render: (v: string | null) => v ?? '—' },
                  { title: t('wallboard.waiting'), dataIndex: 'waiting' },
                  {
                    title: t('wallboard.longestWait'),
                    dataIndex: 'longestWaitSeconds',
                    render: (v: number) => t('calls.seconds', { count: v }),
                  },
                ]}
              />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} md={14}>
          <Card title={t('wallboard.agents')}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={b?.agents ?? []}
              columns={[
                { title: t('wallboard.agent'), dataIndex: 'name' },
                {
                  title: t('wallboard.state'),
                  dataIndex: 'state',
                  render: (v: string, r) => (
                    <Tag color={STATE_COLORS[v]}>
                      {t(`wallboard.states.${v}`)}
                      {r.reason ? `（${r.reason}）` : ''}
                    </Tag>
                  ),
                },
                {
                  title: t('wallboard.since'),
                  dataIndex: 'sinceSeconds',
                  render: (v: number) => t('wallboard.minutes', { count: Math.floor(v / 60) }),
                },
                {
                  title: t('wallboard.answeredToday'),
                  key: 'answered',
                  render: (_: unknown, r) => b?.today.perAgent.find((p) => p.agentId === r.id)?.answered ?? 0,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
