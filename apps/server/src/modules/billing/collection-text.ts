import { formatFen } from '@guanjia/shared';

export interface ReminderFacts {
  projectName: string;
  unitLabel: string;
  owed: number;
  daysOverdue: number;
  servicePhone: string | null;
}

/** The SMS text of a 催缴 reminder: polite, the amount and the phone to ask (no pressure in level 1). */
export function smsText(f: ReminderFacts): string {
  const phone = f.servicePhone ? `，如有疑问请致电${f.servicePhone}` : '';
  return `【${f.projectName}】尊敬的${f.unitLabel}业主，您的物业费等费用尚欠${formatFen(f.owed)}（最早一笔已逾期${f.daysOverdue}天），请您尽快缴纳${phone}。如已缴纳请忽略本短信。`;
}

/** What the spoken reminder call says (espeak-ng reads it; amounts in 元 and 角分 are read as numbers). */
export function callText(f: ReminderFacts): string {
  const yuan = (f.owed / 100).toFixed(2);
  return `您好，这里是${f.projectName}物业服务中心。您的房屋${f.unitLabel}尚有物业费等费用${yuan}元未缴纳，最早一笔已逾期${f.daysOverdue}天。请您尽快到服务中心或在住户门户缴纳。如已缴纳请忽略。谢谢。`;
}

export function letterText(f: ReminderFacts): string {
  return `${f.unitLabel}：截至目前尚欠${formatFen(f.owed)}，最早一笔已逾期${f.daysOverdue}天，特发催缴通知书。`;
}

export function managerText(f: ReminderFacts): string {
  return `${f.unitLabel} 长期欠费${formatFen(f.owed)}，已逾期${f.daysOverdue}天，前三级催缴未果，请协助处理。`;
}
