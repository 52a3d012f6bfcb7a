import type { CheckItem } from '@guanjia/shared';
import { describe, expect, it } from 'vitest';
import { type Answer, checkAnswer } from './readings';

const pressure: CheckItem = {
  id: 'p',
  label: '水泵出口压力',
  kind: 'number',
  min: 0.3,
  max: 0.6,
  unit: 'MPa',
  photo: 'none',
};
const pass: CheckItem = { id: 'ok', label: '正常', kind: 'pass', photo: 'none' };
const text: CheckItem = { id: 't', label: '说明', kind: 'text', photo: 'none' };
const photo: CheckItem = { id: 'ph', label: '照片', kind: 'photo', photo: 'required' };
const passWithPhoto: CheckItem = { ...pass, photo: 'required' };

describe('answers checked against their item', () => {
  it.each<[string, CheckItem, Omit<Answer, 'itemId'>, ReturnType<typeof checkAnswer>]>([
    ['reading in range', pressure, { value: 0.45 }, { ok: true, failed: false }],
    ['reading on the bounds', pressure, { value: 0.6 }, { ok: true, failed: false }],
    ['reading too high fails (not an error)', pressure, { value: 0.8 }, { ok: true, failed: true }],
    ['reading too low fails', pressure, { value: 0.1 }, { ok: true, failed: true }],
    ['a reading needs a value', pressure, { pass: true }, { ok: false, reason: 'value_required' }],
    ['pass', pass, { pass: true }, { ok: true, failed: false }],
    ['fail', pass, { pass: false }, { ok: true, failed: true }],
    ['pass/fail needs pass', pass, { value: 1 }, { ok: false, reason: 'pass_required' }],
    ['text needs text', text, { text: '  ' }, { ok: false, reason: 'text_required' }],
    ['text given', text, { text: '正常' }, { ok: true, failed: false }],
    ['a photo item needs a photo', photo, {}, { ok: false, reason: 'photo_required' }],
    ['photo given', photo, { photoIds: [3] }, { ok: true, failed: false }],
    ['photo required on a pass item', passWithPhoto, { pass: true }, { ok: false, reason: 'photo_required' }],
  ])('%s', (_name, item, answer, expected) => {
    expect(checkAnswer(item, { itemId: item.id, ...answer })).toEqual(expected);
  });
});
