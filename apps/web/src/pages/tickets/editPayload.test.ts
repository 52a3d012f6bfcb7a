import { describe, expect, it } from 'vitest';
import { type EditableTicket, type EditValues, editPayload } from './editPayload';

const ticket: EditableTicket = {
  type: '咨询',
  priority: '一般',
  appointmentAt: null,
  categoryId: null,
  unitId: 11,
  residentId: 21,
  contactName: '张伟',
  contactPhone: '13812345678',
  description: '厨房有水声',
};
const unchanged: EditValues = {
  type: '咨询',
  priority: '一般',
  appointmentAt: null,
  categoryPath: undefined,
  unitId: 11,
  residentId: 21,
  contactName: '张伟',
  contactPhone: '13812345678',
  description: '厨房有水声',
};

describe('editPayload', () => {
  const cases: [string, Partial<EditValues>, Record<string, unknown>][] = [
    ['nothing changed', {}, {}],
    ['whitespace only', { description: ' 厨房有水声 ', contactName: '张伟 ' }, {}],
    [
      'reclassified',
      { type: '报修', priority: '急', categoryPath: [1, 2, 3] },
      { type: '报修', priority: '急', categoryId: 3 },
    ],
    ['phone cleared', { contactPhone: '' }, { contactPhone: null }],
    ['unit cleared', { unitId: null }, { unitId: null }],
    [
      'appointment set',
      { priority: '预约', appointmentAt: '2026-11-24T10:00:00+08:00' },
      { priority: '预约', appointmentAt: '2026-11-24T10:00:00+08:00' },
    ],
  ];
  it.each(cases)('%s', (_name, over, expected) => {
    expect(editPayload(ticket, { ...unchanged, ...over })).toEqual(expected);
  });

  it('compares appointments by instant, not by text', () => {
    const booked = { ...ticket, priority: '预约' as const, appointmentAt: '2026-11-24T02:00:00.000Z' };
    expect(
      editPayload(booked, { ...unchanged, priority: '预约', appointmentAt: '2026-11-24T10:00:00+08:00' }),
    ).toEqual({});
  });
});
