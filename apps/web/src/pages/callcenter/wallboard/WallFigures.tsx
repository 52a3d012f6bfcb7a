import { Col, Row } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Wallboard } from '../../../api/callTypes';
import { splitSeconds } from './useWallboard';

interface Figure {
  key: string;
  label: ReactNode;
  value: ReactNode;
  alert?: boolean;
}

/** The wall's numbers: the queue now, today's answers, the ticket backlog. */
export function wallFigures(
  t: (k: string, o?: Record<string, unknown>) => string,
  b: Wallboard,
  elapsed: number,
) {
  const longest = b.waiting ? b.longestWaitSeconds + elapsed : 0;
  const rate = b.today.answeredWithinTargetRate;
  const figures: Figure[] = [
    { key: 'waiting', label: t('wallTv.waiting'), value: b.waiting, alert: b.waiting > 0 },
    {
      key: 'longest',
      label: t('wallTv.longestWait'),
      value:
        longest >= 60
          ? t('wallTv.minutesSeconds', splitSeconds(longest))
          : t('wallTv.seconds', { count: longest }),
      alert: longest > b.today.targetSeconds,
    },
    { key: 'answered', label: t('wallTv.answered'), value: b.today.answered },
    {
      key: 'within',
      label: t('wallTv.withinTarget', { rings: b.today.targetRings }),
      value: rate === null ? '—' : `${Math.round(rate * 100)}%`,
    },
    {
      key: 'abandoned',
      label: t('wallTv.abandoned'),
      value: b.today.abandoned,
      alert: b.today.abandoned > 0,
    },
    { key: 'callbacks', label: t('wallTv.callbacks'), value: b.today.callbacksPending },
    { key: 'open', label: t('wallTv.ticketsOpen'), value: b.tickets.open },
    {
      key: 'unassigned',
      label: t('wallTv.ticketsUnassigned'),
      value: b.tickets.unassigned,
      alert: b.tickets.unassigned > 0,
    },
    {
      key: 'atRisk',
      label: t('wallTv.slaAtRisk'),
      value: b.tickets.slaAtRisk,
      alert: b.tickets.slaAtRisk > 0,
    },
    {
      key: 'breached',
      label: t('wallTv.slaBreached'),
      value: b.tickets.slaBreached,
      alert: b.tickets.slaBreached > 0,
    },
  ];
  return figures;
}

export function WallFigures({
  board,
  elapsed,
  large,
}: {
  board: Wallboard;
  elapsed: number;
  large?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Row gutter={[12, 12]}>
      {wallFigures(t, board, elapsed).map((f) => (
        <Col key={f.key} xs={12} md={large ? 6 : 4} xl={large ? 4 : 4}>
          <div
            data-testid={`wall-${f.key}`}
            style={{
              background: large ? '#1f1f1f' : '#fff',
              border: large ? 'none' : '1px solid #f0f0f0',
              borderRadius: 8,
              padding: large ? 16 : 12,
              height: '100%',
            }}
          >
            <div style={{ color: large ? '#bfbfbf' : '#8c8c8c', fontSize: large ? 18 : 13 }}>{f.label}</div>
            <div
              className="wall-value"
              style={{
                fontSize: large ? 48 : 28,
                fontWeight: 600,
                color: f.alert ? '#ff4d4f' : large ? '#fff' : undefined,
              }}
            >
              {f.value}
            </div>
          </div>
        </Col>
      ))}
    </Row>
  );
}
