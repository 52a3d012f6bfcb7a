import type { ResidentOverview } from '@guanjia/shared/api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTimeline } from './overview-timeline';

type Parts = Omit<ResidentOverview, 'timeline'>;
const empty = { items: [], total: 0 };
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

function ticket(id: number, minute: number) {
  return { id, number: `BX${id}`, title: `t${id}`, status: '处理中', createdAt: at(minute) };
}

function parts(over: Partial<Record<keyof Parts, unknown>>): Parts {
  return {
    resident: {} as Parts['resident'],
    household: [],
    tickets: { ...empty, open: 0 },
    calls: empty,
    callbacks: empty,
    complaints: empty,
    notices: empty,
    bindings: empty,
    notes: empty,
    ...over,
  } as Parts;
}

describe('buildTimeline', () => {
  it.each([
    ['no contact at all', parts({}), []],
    [
      'tickets newest first, a complaint listed once',
      parts({
        tickets: { items: [ticket(1, 1), ticket(2, 5)], total: 2, open: 2 },
        complaints: { items: [ticket(2, 5)], total: 1 },
      }),
      ['ticket:2', 'ticket:1'],
    ],
    [
      'a callback sits at its completion, a notice at its sending',
      parts({
        tickets: { items: [ticket(1, 1)], total: 1, open: 0 },
        callbacks: {
          items: [
            {
              id: 7,
              ticketId: 1,
              ticketNumber: 'BX1',
              ticketTitle: 't',
              status: '已完成',
              dueAt: at(2),
              completedAt: at(9),
            },
          ],
          total: 1,
        },
        notices: {
          items: [{ id: 3, subject: '停水', channel: 'sms', sentAt: at(4), createdAt: at(0) }],
          total: 1,
        },
      }),
      ['callback:7', 'notice:3', 'ticket:1'],
    ],
  ])('%s', (_name, input, expected) => {
    expect(buildTimeline(input).map((i) => `${i.kind}:${i.id}`)).toEqual(expected);
  });

  it('is sorted newest first, capped, and never repeats a ticket', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 1000 })), {
          maxLength: 40,
        }),
        fc.integer({ min: 1, max: 20 }),
        (rows, limit) => {
          const items = rows.map(([id, minute]) => ticket(id, minute));
          const out = buildTimeline(
            parts({
              tickets: { items, total: items.length, open: 0 },
              complaints: { items, total: items.length },
            }),
            limit,
          );
          expect(out.length).toBeLessThanOrEqual(limit);
          expect(new Set(out.map((i) => i.id)).size).toBe(out.length);
          for (let i = 1; i < out.length; i++)
            expect(Date.parse(out[i - 1]!.at)).toBeGreaterThanOrEqual(Date.parse(out[i]!.at));
        },
      ),
    );
  });
});
