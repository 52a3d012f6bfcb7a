import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePeriod, parseOpeningRow, periodEnd } from './opening-arrears';

describe('历史欠费 rows', () => {
  it.each([
    ['2026-03', '2026-03'],
    ['2026-3', '2026-03'],
    ['2026/03', '2026-03'],
    ['202603', '2026-03'],
    ['2026年3月', '2026-03'],
    ['2026-13', null],
    ['三月', null],
  ])('period %s → %s', (text, period) => {
    expect(normalizePeriod(text)).toBe(period);
  });

  it.each([
    ['2026-02', '2026-02-28'],
    ['2024-02', '2024-02-29'],
    ['2026-12', '2026-12-31'],
  ])('%s ends %s', (period, end) => {
    expect(periodEnd(period)).toBe(end);
  });

  it.each([
    [{ unitLabel: '1-1-101', period: '2025-06', feeName: '物业服务费', amount: '1,234.50' }, [], 123_450],
    [{ unitLabel: '', period: '2025-06', feeName: '物业服务费', amount: '10' }, ['房屋编号'], null],
    [{ unitLabel: '1-1-101', period: '2027-01', feeName: '物业服务费', amount: '10' }, ['账期'], null],
    [
      { unitLabel: '1-1-101', period: 'x', feeName: '', amount: '-5' },
      ['账期', '收费项目', '欠费金额(元)'],
      null,
    ],
    [{ unitLabel: '1-1-101', period: '2025-06', feeName: '停车费', amount: '1.234' }, ['欠费金额(元)'], null],
  ])('%j', (input, columns, amount) => {
    const r = parseOpeningRow(input, '2026-12');
    expect(r.errors.map((e) => e.column)).toEqual(columns);
    expect(r.row?.amount ?? null).toBe(amount);
  });

  it('a valid row always has a positive integer amount in 分', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), (fen) => {
        const text = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
        const r = parseOpeningRow(
          { unitLabel: 'A', period: '2025-01', feeName: '物业服务费', amount: text },
          '2026-12',
        );
        expect(r.row?.amount).toBe(fen);
      }),
    );
  });
});
