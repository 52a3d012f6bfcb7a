import { Card, Col, Empty, Progress, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HomeToday } from '../../api/types';

/** A rate as a dial; "—" when there is nothing to divide yet. */
function Rate({
  title,
  rate,
  part,
  whole,
  testId,
}: {
  title: string;
  rate: number | null;
  part: number;
  whole: number;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid={testId} style={{ textAlign: 'center' }}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div style={{ margin: '8px 0' }}>
        <Progress
          type="dashboard"
          size={96}
          percent={rate ?? 0}
          format={() => (rate === null ? '—' : `${rate}%`)}
          status={rate !== null && rate < 80 ? 'exception' : 'normal'}
        />
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('desk.home.ofTotal', { part, whole })}
      </Typography.Text>
    </Card>
  );
}

/** Today's KPIs: intake by channel (bars), 接通率, on-time, callbacks on time, satisfaction. */
export function TodayKpis({ today }: { today: HomeToday }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...today.intake.map((i) => i.count));
  const total = today.intake.reduce((s, i) => s + i.count, 0);
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} xl={8}>
        <Card
          size="small"
          title={`${t('desk.home.intakeByChannel')} · ${total}`}
          data-testid="home-intake"
          style={{ height: '100%' }}
        >
          {today.intake.length ? (
            today.intake.map((i) => (
              <div key={i.channel} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                <span style={{ width: 64 }}>{t(`desk.channel.${i.channel}`)}</span>
                <Progress
                  style={{ flex: 1, margin: 0 }}
                  percent={Math.round((i.count / max) * 100)}
                  format={() => i.count}
                />
              </div>
            ))
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('desk.home.noData')} />
          )}
        </Card>
      </Col>
      <Col xs={12} xl={4}>
        <Rate
          title={t('desk.home.answerRate')}
          rate={today.calls.rate}
          part={today.calls.answered}
          whole={today.calls.inbound}
          testId="home-answer-rate"
        />
      </Col>
      <Col xs={12} xl={4}>
        <Rate
          title={t('desk.home.onTimeRate')}
          rate={today.onTime.rate}
          part={today.onTime.onTime}
          whole={today.onTime.finished}
          testId="home-on-time"
        />
      </Col>
      <Col xs={12} xl={4}>
        <Rate
          title={t('desk.home.callbackRate')}
          rate={today.callbacks.rate}
          part={today.callbacks.doneOnTime}
          whole={today.callbacks.due}
          testId="home-callback-rate"
        />
      </Col>
      <Col xs={12} xl={4}>
        <Rate
          title={t('desk.home.satisfaction')}
          rate={today.satisfaction.rate}
          part={today.satisfaction.satisfied}
          whole={today.satisfaction.reached}
          testId="home-satisfaction"
        />
      </Col>
    </Row>
  );
}
