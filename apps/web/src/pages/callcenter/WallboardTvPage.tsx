import { FullscreenExitOutlined } from '@ant-design/icons';
import { Button, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../auth/AuthProvider';
import { SeatTile } from './wallboard/SeatTile';
import { useWallboard } from './wallboard/useWallboard';
import { WallFigures } from './wallboard/WallFigures';

/**
 * The wall TV: the board alone, dark and large, outside the console's menus. It updates from live
 * events (no polling while the socket is up) and ticks waits every second in the browser.
 */
export default function WallboardTvPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { project } = useAuth();
  const { board: b, elapsed, live } = useWallboard();
  return (
    <div
      data-testid="wall-tv"
      style={{ minHeight: '100vh', background: '#000', color: '#fff', padding: 24, boxSizing: 'border-box' }}
    >
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={2} style={{ color: '#fff', margin: 0 }}>
          {t('wallboard.title')} · {project?.name}
        </Typography.Title>
        <Space>
          <span data-testid="wall-live" style={{ color: live ? '#52c41a' : '#fa8c16', fontSize: 18 }}>
            ● {live ? t('wallTv.live') : t('wallTv.polling')}
          </span>
          <Button
            ghost
            icon={<FullscreenExitOutlined />}
            onClick={() => {
              if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
              void navigate('/wallboard');
            }}
          >
            {t('wallTv.exit')}
          </Button>
        </Space>
      </Space>
      {!b ? (
        <Spin />
      ) : (
        <>
          <WallFigures board={b} elapsed={elapsed} large />
          <Typography.Title level={3} style={{ color: '#fff', marginTop: 24 }}>
            {t('wallTv.seats')}{' '}
            <span style={{ fontSize: 18, color: '#bfbfbf' }}>{t('wallTv.counts', b.agentCounts)}</span>
          </Typography.Title>
          <Space wrap size={[16, 16]}>
            {b.agents.map((seat) => (
              <SeatTile key={seat.id} seat={seat} elapsed={elapsed} large />
            ))}
          </Space>
          {!b.agents.length && (
            <Typography.Text style={{ color: '#bfbfbf' }}>{t('wallTv.noSeats')}</Typography.Text>
          )}
        </>
      )}
    </div>
  );
}
