import { EQUIPMENT_SYSTEMS } from '@guanjia/shared';
import { describe, expect, it } from 'vitest';
import { PLAN_TEMPLATES } from './templates';

/** The rows of requirements.md §3.8 (设备巡查/维保 frequency matrix), in its order. */
const MATRIX_ROWS = [
  '直梯',
  '扶梯',
  '给水',
  '排水',
  '雨排',
  '供配电',
  '高压柜',
  '低压柜',
  '干式变压器',
  '停车场收费',
  '监控系统',
  '闭路监控',
  '门禁对讲',
  '背景音乐',
  '建筑本体',
  '公共区域设施',
  '上门维修',
  '二次装修',
  '作业工具',
  '材料',
  '能源',
  '档案',
  '空置房',
  '夜查',
  '二次供水',
  '消防系统',
  '电梯合规',
];

describe('§3.8 plan templates', () => {
  it('cover every row of the frequency matrix', () => {
    const rows = new Set(PLAN_TEMPLATES.map((t) => t.row));
    expect(MATRIX_ROWS.filter((r) => !rows.has(r))).toEqual([]);
  });

  it('carry the matrix’s rhythms: 3×/day lift rounds, 4-hourly power readings, lift service every 15 days after the last', () => {
    const byKey = new Map(PLAN_TEMPLATES.map((t) => [t.key, t]));
    expect(byKey.get('lift.run')?.freq).toEqual({ kind: 'daily', timesPerDay: 3 });
    expect(byKey.get('power.read')?.freq).toEqual({ kind: 'daily', timesPerDay: 3 });
    expect(byKey.get('lift.service')).toMatchObject({
      freq: { kind: 'everyNDays', n: 15 },
      basis: 'completion',
    });
    expect(byKey.get('common.shafts')?.freq).toEqual({ kind: 'monthly', n: 2 });
    expect(byKey.get('water.pump')?.items.find((i) => i.id === 'pressure')).toMatchObject({
      min: 0.3,
      max: 0.6,
      unit: 'MPa',
    });
  });

  it('have unique keys, unique item ids, Chinese names and systems of the ledger', () => {
    expect(new Set(PLAN_TEMPLATES.map((t) => t.key)).size).toBe(PLAN_TEMPLATES.length);
    for (const t of PLAN_TEMPLATES) {
      expect(new Set(t.items.map((i) => i.id)).size, t.key).toBe(t.items.length);
      expect(t.name, t.key).toMatch(/\p{Script=Han}/u);
      expect(EQUIPMENT_SYSTEMS, t.key).toContain(t.system);
      for (const i of t.items)
        if (i.kind === 'number' && i.min != null && i.max != null) expect(i.min).toBeLessThanOrEqual(i.max);
    }
  });
});
