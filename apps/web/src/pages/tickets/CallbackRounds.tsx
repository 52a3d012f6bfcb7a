import { Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../api/types';
import { formatDateTime } from '../../format';

/** The callback rounds of a ticket: status, due time, attempts, satisfaction and the three scores. */
export function CallbackRounds({ rounds }: { rounds: TicketDetail['callbacks'] }) {
  const { t } = useTranslation();
  return (
    <Card
      title={t('callbacks.title')}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="ticket-callbacks"
    >
      {rounds.map((c) => (
        <div key={c.id} style={{ padding: '6px 0', borderTop: '1px solid rgba(5,5,5,.06)' }}>
          <Space wrap>
            <Typography.Text strong>{t('callbacks.round', { round: c.round })}</Typography.Text>
            <Tag color={c.status === '已完成' ? 'green' : c.status === '待回访' ? 'purple' : 'default'}>
              {t(
                `callbacks.status.${c.status === '已完成' ? 'done' : c.status === '待回访' ? 'due' : 'cancelled'}`,
              )}
            </Tag>
            <Typography.Text type="secondary">
              {t('callbacks.dueAt', { time: formatDateTime(c.dueAt) })}
            </Typography.Text>
            {c.attempts > 0 && (
              <Typography.Text type="secondary">
                {t('timeline.attempts', { count: c.attempts })}
              </Typography.Text>
            )}
            {c.satisfied !== null && (
              <Tag color={c.satisfied ? 'green' : 'red'}>
                {c.satisfied ? t('callbacks.satisfiedYes') : t('callbacks.satisfiedNo')}
              </Tag>
            )}
            {c.scores.overall !== null && (
              <Typography.Text>
                {t('callbacks.scoreLine', {
                  overall: c.scores.overall ?? '—',
                  speed: c.scores.speed ?? '—',
                  attitude: c.scores.attitude ?? '—',
                })}
              </Typography.Text>
            )}
          </Space>
          {c.comment && <div style={{ color: '#595959' }}>“{c.comment}”</div>}
        </div>
      ))}
    </Card>
  );
}
