import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Wallboard } from '../../../api/callTypes';
import { splitSeconds } from './useWallboard';

type Seat = Wallboard['agents'][number];

export const SEAT_COLORS: Record<Seat['state'], string> = {
  通话中: '#1677ff',
  在线: '#52c41a',
  小休: '#fa8c16',
  离线: '#8c8c8c',
};

/** One agent on the wall: name, state (with the break's reason) and how long in it. */
export function SeatTile({ seat, elapsed, large }: { seat: Seat; elapsed: number; large?: boolean }) {
  const { t } = useTranslation();
  const since = seat.sinceSeconds === null ? null : splitSeconds(seat.sinceSeconds + elapsed);
  return (
    <div
      data-testid={`wall-seat-${seat.id}`}
      data-state={seat.state}
      style={{
        borderLeft: `6px solid ${SEAT_COLORS[seat.state]}`,
        background: large ? '#1f1f1f' : '#fafafa',
        borderRadius: 6,
        padding: large ? '12px 16px' : '8px 12px',
        minWidth: large ? 220 : 160,
      }}
    >
      <Typography.Text strong style={{ fontSize: large ? 24 : 15, color: large ? '#fff' : undefined }}>
        {seat.name}
      </Typography.Text>
      <div style={{ color: SEAT_COLORS[seat.state], fontSize: large ? 20 : 13 }}>
        {t(`wallboard.states.${seat.state}`)}
        {seat.reason ? `（${seat.reason}）` : ''}
      </div>
      <div style={{ color: large ? '#bfbfbf' : '#8c8c8c', fontSize: large ? 16 : 12 }}>
        {since ? t('wallTv.minutesSeconds', since) : t('wallTv.neverSignedIn')}
      </div>
    </div>
  );
}
