import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cardTime,
  JOB_CARD_LABELS,
  type JobCardData,
  jobCardGrid,
  materialRows,
  yuan,
} from './job-card-fields';

const card: JobCardData = {
  id: 1,
  number: 'WX-JXHY-20261206-0001',
  ticketNumber: 'BX-JXHY-20261206-0001',
  projectName: '锦绣华苑',
  buildingName: '3号楼',
  room: '1201',
  unitLabel: '3-2-1201',
  residentName: '张伟',
  phone: '13812345678',
  title: '户内·漏水',
  description: '厨房水槽下渗水',
  category: '户内/水/漏水',
  priority: '急',
  status: '已派单',
  technicianName: '维修工甲',
  createdAt: new Date('2026-12-06T01:05:00Z'),
  appointmentAt: null,
  dispatchedAt: new Date('2026-12-06T01:07:00Z'),
  arrivedAt: null,
  completedAt: null,
  materials: [],
  result: null,
  timeZone: 'Asia/Shanghai',
};

describe('job card fields', () => {
  it('shows times on the project wall clock and leaves unreached ones empty', () => {
    expect(cardTime(new Date('2026-12-06T01:05:00Z'), 'Asia/Shanghai')).toBe('2026-12-06 09:05');
    expect(cardTime(new Date('2026-12-06T01:05:00Z'), 'Asia/Urumqi')).toBe('2026-12-06 07:05');
    expect(cardTime(null, 'Asia/Shanghai')).toBe('');
  });

  it('lists number, estate, building, room, resident and phone in both languages', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const grid = new Map(jobCardGrid(card, JOB_CARD_LABELS[lang]));
      expect(grid.get(JOB_CARD_LABELS[lang].number)).toBe(card.number);
      expect(grid.get(JOB_CARD_LABELS[lang].estate)).toBe('锦绣华苑');
      expect(grid.get(JOB_CARD_LABELS[lang].room)).toBe('1201');
      expect(grid.get(JOB_CARD_LABELS[lang].phone)).toBe('13812345678');
      expect(grid.get(JOB_CARD_LABELS[lang].created)).toBe('2026-12-06 09:05');
    }
    expect(Object.keys(JOB_CARD_LABELS.en).sort()).toEqual(Object.keys(JOB_CARD_LABELS['zh-CN']).sort());
  });

  it.each([
    [[{ item: '角阀', qty: 1, unit: '个', unitPrice: 28 }], 2800],
    [[{ item: '生料带', qty: 3, unitPrice: 0.1 }], 30],
    [[{ item: '水管', qty: 1.5, unit: '米', unitPrice: 12.35 }], 1853],
    [[], 0],
  ])('material totals are exact in 分: %j → %i', (materials, total) => {
    expect(materialRows(materials).totalFen).toBe(total);
  });

  it('the total is the sum of the lines', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            item: fc.string(),
            qty: fc.integer({ min: 1, max: 99 }),
            unitPrice: fc.integer({ min: 0, max: 99_999 }).map((f) => f / 100),
          }),
        ),
        (materials) => {
          const { rows, totalFen } = materialRows(materials);
          expect(totalFen).toBe(rows.reduce((s, r) => s + r.amountFen, 0));
          expect(yuan(totalFen)).toMatch(/^\d+\.\d{2}$/);
        },
      ),
    );
  });
});
