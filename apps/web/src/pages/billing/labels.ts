import { formatFen } from '@guanjia/shared';

/** Money as the console shows it: ¥1,234.50 (the shared formatFen from packages/shared). */
export const money = (fen: number | null | undefined) =>
  fen === null || fen === undefined ? '—' : formatFen(fen);
export const percent = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(2)}%`;

export const AGING_KEYS = ['d0_30', 'd31_90', 'd91_180', 'd181_365', 'd365_plus'] as const;
export const OUTCOME_COLORS: Record<string, string> = {
  sent: 'blue',
  failed: 'red',
  answered: 'green',
  no_answer: 'default',
  promised: 'gold',
  refused: 'volcano',
  wrong_number: 'magenta',
};
