import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { planPatch } from './assets';
import { editContractorBody } from './contractors';
import { patchOf } from './patch-schema';
import { editMaterialBody } from './stock';

const calendar = z.object({
  name: z.string().min(1),
  holidays: z.array(z.string()).default([]),
  always: z.boolean().default(false),
  note: z.string().nullish(),
});

describe('patchOf', () => {
  it('keeps unsent fields undefined instead of applying defaults', () => {
    expect(calendar.partial().parse({ name: '节假日' })).toEqual({
      name: '节假日',
      holidays: [],
      always: false,
    });
    expect(patchOf(calendar).parse({ name: '节假日' })).toEqual({ name: '节假日' });
  });
  it('still validates what is sent', () => {
    expect(patchOf(calendar).safeParse({ holidays: [1] }).success).toBe(false);
    expect(patchOf(calendar).parse({ holidays: ['2026-10-01'], note: null })).toEqual({
      holidays: ['2026-10-01'],
      note: null,
    });
  });
});

describe('the PATCH bodies of the shared contracts', () => {
  it.each([
    ['editContractorBody', editContractorBody],
    ['editMaterialBody', editMaterialBody],
    ['planPatch', planPatch],
  ] as const)('%s leaves out what the caller left out', (_, schema) => {
    expect(schema.parse({ version: 3 })).toEqual({ version: 3 });
  });
});
