import { parseYuan } from '@guanjia/shared';

/** One row of the 历史欠费 sheet as typed: 房屋编号, 账期, 收费项目, 欠费金额(元). */
export interface OpeningRowInput {
  unitLabel: string;
  period: string;
  feeName: string;
  amount: string;
}

export interface OpeningRow {
  unitLabel: string;
  period: string;
  feeName: string;
  /** 分. */
  amount: number;
}

export interface RowError {
  column: string;
  message: string;
}

export const OPENING_HEADERS = ['房屋编号', '账期', '收费项目', '欠费金额(元)'] as const;

/** 2026-3, 2026/03, 202603 and 2026年3月 all mean '2026-03'. */
export function normalizePeriod(text: string): string | null {
  const m = /^(\d{4})\s*(?:[-/.年]\s*)?(\d{1,2})\s*月?$/.exec(text.trim());
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}`;
}

/** The last day of a 'YYYY-MM' period: an opening arrear falls due then (it is overdue already). */
export function periodEnd(period: string): string {
  const [y = 0, m = 1] = period.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** Validate one row; every problem is reported (the errors workbook lists them per column). */
export function parseOpeningRow(
  row: OpeningRowInput,
  currentMonth: string,
): { row?: OpeningRow; errors: RowError[] } {
  const errors: RowError[] = [];
  const unitLabel = row.unitLabel.trim();
  if (!unitLabel) errors.push({ column: '房屋编号', message: '请填写房屋编号' });
  const period = normalizePeriod(row.period);
  if (!period) errors.push({ column: '账期', message: '账期格式应为 2026-03' });
  else if (period > currentMonth) errors.push({ column: '账期', message: '历史欠费的账期不能晚于本月' });
  const feeName = row.feeName.trim();
  if (!feeName) errors.push({ column: '收费项目', message: '请填写收费项目' });
  else if (feeName.length > 30) errors.push({ column: '收费项目', message: '收费项目名称不超过 30 个字' });
  const amount = parseYuan(row.amount);
  if (amount === null) errors.push({ column: '欠费金额(元)', message: '金额应为数字，最多两位小数' });
  else if (amount <= 0) errors.push({ column: '欠费金额(元)', message: '欠费金额须大于 0' });
  else if (amount > 100_000_000) errors.push({ column: '欠费金额(元)', message: '金额过大，请核对' });
  if (errors.length || !period || amount === null) return { errors };
  return { row: { unitLabel, period, feeName, amount }, errors };
}
