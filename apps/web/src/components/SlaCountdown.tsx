import { ClockCircleOutlined, PauseCircleOutlined } from '@ant-design/icons';
import type { SlaBadge } from '@guanjia/shared';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatHumanDateTime } from '../format';
import { badgeAt, formatDuration } from '../sla';
import { useNow } from './useNow';

export const BADGE_COLOR: Record<SlaBadge, string> = { ok: 'success', warning: 'warning', breached: 'error' };

export function useDurationText() {
  const { t } = useTranslation();
  const words = { day: t('sla.units.d'), hour: t('sla.units.h'), minute: t('sla.units.m') };
  return (ms: number) => formatDuration(ms, words);
}

/**
 * A list row's live SLA badge: green / amber / red with the time left to the nearest deadline (or how
 * long ago it passed), ticking every second.
 */
export function SlaBadgeTag({
  state,
  dueAt,
  testId,
}: {
  state: SlaBadge;
  dueAt: string | null;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const text = useDurationText();
  const badge = badgeAt(state, dueAt, now);
  if (!badge) return <span style={{ color: '#bfbfbf' }}>—</span>;
  const remaining = dueAt ? Date.parse(dueAt) - now : null;
  // A clock already breached while the next one still runs: say so rather than show a red countdown.
  const label =
    remaining === null || (badge === 'breached' && remaining >= 0)
      ? t('sla.badge.breached')
      : remaining >= 0
        ? t('sla.left', { time: text(remaining) })
        : t('sla.overdue', { time: text(remaining) });
  return (
    <Tooltip
      title={
        dueAt ? t('sla.dueAt', { time: formatHumanDateTime(dueAt, i18n.language) }) : t(`sla.badge.${badge}`)
      }
    >
      <Tag
        color={BADGE_COLOR[badge]}
        icon={<ClockCircleOutlined />}
        data-testid={testId}
        data-sla={badge}
        style={{ fontVariantNumeric: 'tabular-nums', marginInlineEnd: 0 }}
      >
        {label}
      </Tag>
    </Tooltip>
  );
}

/** A single deadline counting down (work-order cards, the technician's view); paused shows a pause tag. */
export function DeadlineTag({
  dueAt,
  paused,
  label,
}: {
  dueAt: string | null;
  paused?: boolean;
  label?: string;
}) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const text = useDurationText();
  if (paused)
    return (
      <Tag color="gold" icon={<PauseCircleOutlined />} style={{ marginInlineEnd: 0 }}>
        {label ? `${label} · ` : ''}
        {t('sla.paused')}
      </Tag>
    );
  if (!dueAt) return null;
  const remaining = Date.parse(dueAt) - now;
  const badge = badgeAt('ok', dueAt, now) ?? 'ok';
  return (
    <Tooltip title={t('sla.dueAt', { time: formatHumanDateTime(dueAt, i18n.language) })}>
      <Tag
        color={BADGE_COLOR[badge]}
        icon={<ClockCircleOutlined />}
        style={{ fontVariantNumeric: 'tabular-nums', marginInlineEnd: 0 }}
      >
        {label ? `${label} ` : ''}
        {remaining >= 0
          ? t('sla.left', { time: text(remaining) })
          : t('sla.overdue', { time: text(remaining) })}
      </Tag>
    </Tooltip>
  );
}
