import { describe, expect, it } from 'vitest';
import { checkReading } from './meter';

const base = { previousValue: 1200, previousConsumption: 20, meterChange: false, jumpFactor: 3 };

describe('checkReading', () => {
  it.each([
    ['normal use', { value: 1225 }, { ok: true, consumption: 25 }],
    ['no use', { value: 1200 }, { ok: true, consumption: 0 }],
    ['lower than the last', { value: 1190 }, { ok: false, reason: 'lower_than_last', consumption: -10 }],
    ['a jump over 3×', { value: 1261 }, { ok: false, reason: 'jump', consumption: 61, limit: 60 }],
    ['exactly 3× is fine', { value: 1260 }, { ok: true, consumption: 60 }],
    ['a meter change starts from zero', { value: 12, meterChange: true }, { ok: true, consumption: 12 }],
    ['the first reading is a baseline', { value: 530, previousValue: null }, { ok: true, consumption: 0 }],
    [
      'no jump check without history',
      { value: 1900, previousConsumption: null },
      { ok: true, consumption: 700 },
    ],
    ['a negative value', { value: -1 }, { ok: false, reason: 'negative', consumption: 0 }],
    ['decimals stay exact', { value: 1200.3, previousValue: 1200.1 }, { ok: true, consumption: 0.2 }],
  ])('%s', (_what, over, verdict) => {
    expect(checkReading({ ...base, ...over })).toEqual(verdict);
  });
});
