import { Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SlaClock } from '../../api/types';
import { DeadlineTag, useDurationText } from '../../components/SlaCountdown';
import { formatDateTime } from '../../format';
import { useServiceVocab } from '../../serviceVocab';
import { splitMinutes } from '../../sla';

const STATE_COLOR: Record<string, string> = {
  running: 'processing',
  paused: 'gold',
  met: 'success',
  breached: 'error',
  cancelled: 'default',
};

export interface ClockRow extends SlaClock {
  /** Work-order number for work-order clocks. */
  owner: string | null;
}

export function useTargetText() {
  const { t } = useTranslation();
  return (minutes: number) => {
    const { value, unit } = splitMinutes(minutes);
    return t(`sla.target.${unit}`, { value: Math.round(value * 10) / 10 });
  };
}

/** The ticket's clocks (respond, reply, callback) and its work orders' (dispatch, arrive, fix), live. */
export function SlaClocks({ clocks }: { clocks: ClockRow[] }) {
  const { t } = useTranslation();
  const sv = useServiceVocab();
  const target = useTargetText();
  const duration = useDurationText();
  return (
    <Table<ClockRow>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={clocks}
      data-testid="sla-clocks"
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('sla.noClocks') }}
      columns={[
        {
          title: t('sla.clock'),
          key: 'kind',
          render: (_: unknown, c) => (
            <span data-testid={`clock-${c.kind}`}>
              <Typography.Text strong>{sv.clockKind(c.kind)}</Typography.Text>
              {c.owner && (
                <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
                  {c.owner}
                </Typography.Text>
              )}
            </span>
          ),
        },
        {
          title: t('sla.targetCol'),
          key: 'target',
          render: (_: unknown, c) => (
            <span>
              {c.byAppointment ? t('sla.byAppointment') : target(c.targetMinutes)}
              <Tag style={{ marginInlineStart: 6 }} color={c.calendar === '24x7' ? 'purple' : undefined}>
                {c.calendar === '24x7' ? t('sla.calendar24x7') : t('sla.calendarBusiness')}
              </Tag>
            </span>
          ),
        },
        {
          title: t('sla.deadline'),
          dataIndex: 'deadline',
          render: (v: string) => formatDateTime(v),
        },
        {
          title: t('sla.state'),
          dataIndex: 'state',
          render: (v: string) => (
            <Tag color={STATE_COLOR[v]} data-state={v}>
              {sv.clockState(v)}
            </Tag>
          ),
        },
        {
          title: t('sla.countdown'),
          key: 'countdown',
          render: (_: unknown, c) => {
            // A breached clock that has not stopped keeps counting how far over it is.
            if (c.state === 'running' || (c.state === 'breached' && !c.stoppedAt))
              return <DeadlineTag dueAt={c.deadline} />;
            if (c.state === 'paused')
              return (
                <Tooltip title={t('sla.pausedHint')}>
                  <span>
                    <DeadlineTag dueAt={c.deadline} paused />{' '}
                    {c.remainingBusinessMinutes !== null && (
                      <Typography.Text type="secondary">
                        {t('sla.remainingBusiness', { time: duration(c.remainingBusinessMinutes * 60_000) })}
                      </Typography.Text>
                    )}
                  </span>
                </Tooltip>
              );
            if (c.state === 'cancelled') return <Typography.Text type="secondary">—</Typography.Text>;
            return (
              <Typography.Text type={c.state === 'breached' ? 'danger' : 'success'}>
                {t('sla.took', {
                  time: duration(c.elapsedBusinessMinutes * 60_000),
                  at: c.stoppedAt ? formatDateTime(c.stoppedAt) : '—',
                })}
              </Typography.Text>
            );
          },
        },
        {
          title: t('sla.pausedCol'),
          dataIndex: 'pausedMinutes',
          render: (v: number) => (v > 0 ? duration(v * 60_000) : '—'),
        },
      ]}
    />
  );
}
