import { FullscreenOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { SeatTile } from './wallboard/SeatTile';
import { useWallboard } from './wallboard/useWallboard';
import { WallFigures } from './wallboard/WallFigures';

/** Ask the browser for full screen (a user gesture); the wall page stays usable without it. */
export function enterFullScreen(): void {
  void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

/** 班长席: the queue, every seat of the team, today's answers and the ticket backlog, live. */
export default function WallboardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { board: b, elapsed, live } = useWallboard();
  return (
    <>
      <PageHeader
        title={t('wallboard.title')}
        subTitle={t('wallboard.subtitle')}
        extra={
          <Space>
            <Tag color={live ? 'green' : 'orange'}>{live ? t('wallTv.live') : t('wallTv.polling')}</Tag>
            <Button
              type="primary"
              icon={<FullscreenOutlined />}
              data-testid="wall-fullscreen"
              onClick={() => {
                enterFullScreen();
                void navigate('/wallboard/tv');
              }}
            >
              {t('wallTv.fullScreen')}
            </Button>
          </Space>
        }
      />
      {b && <WallFigures board={b} elapsed={elapsed} />}
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
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
                    render: (v: number, r) => t('calls.seconds', { count: r.waiting ? v + elapsed : 0 }),
                  },
                ]}
              />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} md={14}>
          <Card
            title={t('wallboard.agents')}
            extra={
              b && <Typography.Text type="secondary">{t('wallTv.counts', b.agentCounts)}</Typography.Text>
            }
          >
            {b?.agents.length ? (
              <Space wrap size={[12, 12]}>
                {b.agents.map((seat) => (
                  <div key={seat.id}>
                    <SeatTile seat={seat} elapsed={elapsed} />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('wallboard.answeredToday')}{' '}
                      {b.today.perAgent.find((p) => p.agentId === seat.id)?.answered ?? 0}
                    </Typography.Text>
                  </div>
                ))}
              </Space>
            ) : (
              <Empty description={t('wallTv.noSeats')} />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
