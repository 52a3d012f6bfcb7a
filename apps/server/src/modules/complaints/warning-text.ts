import type { ComplaintWarningRule } from '@guanjia/shared';

/** The Chinese sentence of a 投诉预警, as it reads in the notification and on the supervisor's home. */
export function warningMessage(
  w: {
    rule: ComplaintWarningRule;
    cause: string | null;
    count: number;
    previousCount: number | null;
  },
  buildingName: string | null,
): string {
  if (w.rule === 'cluster')
    return `${buildingName ?? '同一楼栋'}近期${w.cause ?? ''}类投诉 ${w.count} 起，请关注并分析原因`;
  const what = w.cause ? `${w.cause}类投诉` : '投诉总量';
  const prev = w.previousCount ?? 0;
  const pct = prev ? Math.round(((w.count - prev) / prev) * 100) : 0;
  return `${what}本周 ${w.count} 起，较上周 ${prev} 起上升 ${pct}%`;
}
