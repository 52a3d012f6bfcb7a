import type { Frequency } from '@guanjia/shared';
import type { TFunction } from 'i18next';

const WEEKDAY_ZH = ['一', '二', '三', '四', '五', '六', '日'];
const WEEKDAY_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** 每天 3次/天, 每15天, 每2个月, 每周一、四 — a plan's frequency as people say it. */
export function frequencyLabel(t: TFunction, f: Frequency, lang: string): string {
  const n = f.n ?? 1;
  let text: string;
  if (f.kind === 'everyNDays') text = t('assets.frequency.everyNDays', { n });
  else if (f.kind === 'weekdays') {
    const names = lang.startsWith('zh') ? WEEKDAY_ZH : WEEKDAY_EN;
    text = t('assets.frequency.weekdays', {
      days: (f.weekdays ?? []).map((d) => names[d - 1]).join(lang.startsWith('zh') ? '、' : ', '),
    });
  } else if (n > 1 && (f.kind === 'monthly' || f.kind === 'weekly'))
    text = t('assets.frequency.everyN', {
      n,
      unit: t(`assets.frequency.${f.kind === 'monthly' ? 'month' : 'week'}`),
    });
  else text = t(`assets.frequency.${f.kind}`);
  return f.timesPerDay && f.timesPerDay > 1
    ? `${text} ${t('assets.frequency.times', { n: f.timesPerDay })}`
    : text;
}

export const systemLabel = (t: TFunction, s: string) => t(`assets.system.${s}`, { defaultValue: s });

export const STATUS_COLOR: Record<string, string> = {
  运行: 'green',
  停用: 'default',
  维修中: 'orange',
  报废: 'red',
};
export const TASK_COLOR: Record<string, string> = { pending: 'blue', done: 'green', missed: 'red' };
