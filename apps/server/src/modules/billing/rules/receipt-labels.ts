import type { PaymentMethodCode } from '@guanjia/shared/api';

/** The printed forms are Chinese paper (收据、日结单): their words live here beside the layout rules. */
export const METHOD_LABELS: Record<PaymentMethodCode, string> = {
  cash: '现金',
  bank_transfer: '银行转账',
  pos: 'POS刷卡',
  online: '线上支付',
  prepaid: '预存抵扣',
};

/** ¥1,234.50 — the way every amount is printed (negative for a reversal). */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}¥${whole}.${String(abs % 100).padStart(2, '0')}`;
}
