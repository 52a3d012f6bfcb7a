import { COMPLAINT_CAUSES, COMPLAINT_GRADES, TICKET_PRIORITIES, TICKET_TYPES } from '@guanjia/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EDITABLE_FIELDS,
  type EditableValues,
  type EditRequest,
  editAudit,
  editProblem,
  mergeEdit,
  reclassifies,
  ticketChanges,
} from './ticket-edit';

const ticket = (over: Partial<EditableValues> = {}): EditableValues => ({
  type: '咨询',
  categoryId: null,
  priority: '一般',
  unitId: 1,
  residentId: 2,
  contactName: '张伟',
  contactPhone: '13812345678',
  description: '厨房有水声',
  appointmentAt: null,
  grade: null,
  cause: null,
  ...over,
});

const small = fc.integer({ min: 1, max: 3 });
const at = fc.constantFrom(new Date('2026-11-23T02:00:00Z'), new Date('2026-11-24T02:00:00Z'));
const values: fc.Arbitrary<EditableValues> = fc.record({
  type: fc.constantFrom(...TICKET_TYPES),
  categoryId: fc.option(small),
  priority: fc.constantFrom(...TICKET_PRIORITIES),
  unitId: fc.option(small),
  residentId: fc.option(small),
  contactName: fc.option(fc.constantFrom('张伟', '王芳')),
  contactPhone: fc.option(fc.constantFrom('13812345678', '13912340001')),
  description: fc.constantFrom('漏水', '停电'),
  appointmentAt: fc.option(at),
  grade: fc.option(fc.constantFrom(...COMPLAINT_GRADES)),
  cause: fc.option(fc.constantFrom(...COMPLAINT_CAUSES)),
});
/** A request: any subset of the fields, each a value or (where allowed) null; dates as fresh objects. */
const requests: fc.Arbitrary<EditRequest> = values.chain((v) =>
  fc.subarray([...EDITABLE_FIELDS]).map((fields) => {
    const r: Record<string, unknown> = {};
    for (const f of fields) {
      const value = v[f];
      r[f] = value instanceof Date ? new Date(value.getTime()) : value;
    }
    return r as EditRequest;
  }),
);

describe('ticketChanges', () => {
  it('keeps only what differs (dates by instant, undefined = leave as is)', () => {
    const current = ticket({ appointmentAt: new Date('2026-11-24T02:00:00Z') });
    expect(
      ticketChanges(current, {
        type: '咨询',
        priority: '急',
        appointmentAt: new Date('2026-11-24T02:00:00Z'),
        categoryId: undefined,
        contactPhone: null,
      }),
    ).toEqual({ priority: '急', contactPhone: null });
  });

  it('merging the changes gives the ticket the request asked for, and a second pass finds nothing', () => {
    fc.assert(
      fc.property(values, requests, (current, request) => {
        const changes = ticketChanges(current, request);
        const merged = mergeEdit(current, changes);
        for (const f of EDITABLE_FIELDS) {
          const asked = request[f];
          const got = merged[f];
          if (asked === undefined) expect(got).toBe(current[f]);
          else if (asked instanceof Date) expect(got instanceof Date && got.getTime()).toBe(asked.getTime());
          else expect(got).toBe(asked);
        }
        expect(ticketChanges(merged, request)).toEqual({});
        // Every reported change really is one.
        for (const f of Object.keys(changes) as (keyof EditRequest)[])
          expect(JSON.stringify(changes[f])).not.toBe(JSON.stringify(current[f]));
      }),
    );
  });

  it('re-plans the SLA only when type, category or priority changed', () => {
    expect(reclassifies({ description: 'x', unitId: 3, appointmentAt: null })).toBe(false);
    expect(reclassifies({ type: '报修' })).toBe(true);
    expect(reclassifies({ categoryId: null })).toBe(true);
    expect(reclassifies({ priority: '急' })).toBe(true);
  });
});

describe('editProblem', () => {
  const cases: [string, Partial<EditableValues>, string | null][] = [
    ['a complete ticket', {}, null],
    ['预约 without a time', { priority: '预约' }, 'appointmentAt'],
    ['预约 with a time', { priority: '预约', appointmentAt: new Date('2026-11-24T02:00:00Z') }, null],
    ['nobody to call back', { unitId: null, residentId: null, contactPhone: null }, 'residentId'],
    ['only a phone', { unitId: null, residentId: null }, null],
    ['only a unit', { residentId: null, contactPhone: null }, null],
  ];
  it.each(cases)('%s', (_name, over, path) => {
    expect(editProblem(ticket(over))?.path ?? null).toBe(path);
  });
});

describe('editAudit', () => {
  it('records before/after of the changed fields only', () => {
    const appointment = new Date('2026-11-24T02:00:00Z');
    expect(editAudit(ticket(), { type: '报修', priority: '预约', appointmentAt: appointment })).toEqual({
      before: { type: '咨询', priority: '一般', appointmentAt: null },
      after: { type: '报修', priority: '预约', appointmentAt: appointment.toISOString() },
    });
  });

  it('never records a contact name or phone, only that it changed or was removed', () => {
    fc.assert(
      fc.property(values, requests, (current, request) => {
        const audit = JSON.stringify(editAudit(current, ticketChanges(current, request)));
        for (const secret of ['13812345678', '13912340001', '张伟', '王芳'])
          expect(audit).not.toContain(secret);
      }),
    );
    expect(editAudit(ticket(), { contactPhone: null, contactName: '王芳' })).toEqual({
      before: { contactPhone: '***', contactName: '***' },
      after: { contactPhone: null, contactName: 'changed' },
    });
  });
});
