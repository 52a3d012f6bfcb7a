import { describe, expect, it } from 'vitest';
import { dueAnnouncements, summarize, type TrackedClock } from './aggregate';
import { DEFAULT_OFFICE_CALENDAR } from './business-calendar';
import { defaultPoliciesFrom } from './default-policies';
import { nextTimerAt, planClocks, type TicketFacts } from './plan-clocks';
import { resolveTargets } from './policy-match';

const at = (hhmm: string, day = '2026-11-23') => new Date(`${day}T${hhmm}:00+08:00`);
const SETTINGS = {
  urgentArriveMinutes: 15,
  urgentResolveMinutes: 360,
  repairArriveMinutes: 30,
  repairResolveDays: 1,
  callbackHours: 48,
  callbackRequired: true,
  complaintReplyDays: 4,
  dispatchMinutes: 15,
  respondMinutes: 30,
};
const WARN = { fractions: [0.75], minutesBefore: [5] };

const facts = (over: Partial<TicketFacts> = {}): TicketFacts => ({
  createdAt: at('10:00'),
  acceptedAt: at('10:00'),
  resolvedAt: null,
  closedAt: null,
  cancelledAt: null,
  isComplaint: false,
  appointmentAt: null,
  workOrders: [
    {
      id: 1,
      createdAt: at('10:00'),
      dispatchedAt: null,
      arrivedAt: null,
      completedAt: null,
      cancelledAt: null,
      pauses: [],
    },
  ],
  callbacks: [],
  ...over,
});

function plan(priority: '急' | '一般' | '预约', f: TicketFacts, now: Date) {
  const targets = resolveTargets(
    [],
    { projectId: 1, ticketType: '报修', priority, categoryPath: [] },
    defaultPoliciesFrom(SETTINGS),
  ).targets;
  return planClocks({ facts: f, targets, calendarFor: () => DEFAULT_OFFICE_CALENDAR, warnings: WARN, now });
}
const byKind = (clocks: ReturnType<typeof plan>, kind: string) => clocks.find((c) => c.kind === kind)!;

describe('planClocks', () => {
  it('an urgent repair runs dispatch/arrive/resolve on wall time; phone intake has no respond clock', () => {
    const clocks = plan('急', facts(), at('10:01'));
    expect(clocks.map((c) => c.kind)).toEqual(['dispatch', 'arrive', 'resolve']);
    expect(byKind(clocks, 'dispatch').dueAt).toEqual(at('10:05'));
    expect(byKind(clocks, 'arrive')).toMatchObject({
      dueAt: at('10:15'),
      warnAt: [at('10:10'), new Date(at('10:11').getTime() + 15_000)],
    });
    expect(byKind(clocks, 'resolve').dueAt).toEqual(at('16:00'));
  });

  it('an ordinary repair follows office hours: arrive by 10:30, fixed by Tuesday 10:00 (8 h day)', () => {
    const clocks = plan('一般', facts(), at('10:01'));
    expect(byKind(clocks, 'arrive').dueAt).toEqual(at('10:30'));
    expect(byKind(clocks, 'resolve').dueAt).toEqual(at('10:00', '2026-11-24'));
  });

  it('an appointment replaces the arrive target and starts the fix clock at the visit (Q32)', () => {
    const clocks = plan('一般', facts({ appointmentAt: at('15:00', '2026-11-25') }), at('10:01'));
    expect(byKind(clocks, 'arrive')).toMatchObject({ byAppointment: true, dueAt: at('15:00', '2026-11-25') });
    expect(byKind(clocks, 'resolve').startedAt).toEqual(at('15:00', '2026-11-25'));
  });

  it("a resident's window (下午 14–18): on site by its end, the fix clock still from its start", () => {
    const clocks = plan(
      '预约',
      facts({ appointmentAt: at('14:00', '2026-11-25'), appointmentUntil: at('18:00', '2026-11-25') }),
      at('10:01'),
    );
    expect(byKind(clocks, 'arrive')).toMatchObject({ byAppointment: true, dueAt: at('18:00', '2026-11-25') });
    expect(byKind(clocks, 'resolve').startedAt).toEqual(at('14:00', '2026-11-25'));
  });

  it('pauses (挂起) push the fix deadline out; a cancelled order stops its clocks as cancelled', () => {
    const paused = facts();
    paused.workOrders[0]!.pauses = [{ from: at('10:30'), to: at('11:30') }];
    expect(byKind(plan('急', paused, at('12:00')), 'resolve').dueAt).toEqual(at('17:00'));
    const cancelled = facts();
    cancelled.workOrders[0]!.cancelledAt = at('10:20');
    expect(plan('急', cancelled, at('10:30')).map((c) => c.state)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
  });

  it('a portal request gets a respond clock; a callback round gets its 48 h clock', () => {
    const clocks = plan(
      '一般',
      facts({
        acceptedAt: null,
        callbacks: [{ id: 7, createdAt: at('11:00'), completedAt: null, cancelled: false }],
      }),
      at('11:00'),
    );
    expect(byKind(clocks, 'respond').dueAt).toEqual(at('10:30'));
    expect(byKind(clocks, 'respond').state).toBe('breached');
    expect(byKind(clocks, 'callback')).toMatchObject({ subject: 'cb:7', dueAt: at('11:00', '2026-11-25') });
  });
});

describe('timer announcements', () => {
  const tracked = (now: Date, fired = 0, notified = false): TrackedClock => ({
    id: 1,
    plan: byKind(plan('急', facts(), now), 'arrive'),
    warningsFired: fired,
    breachNotified: notified,
  });

  it('next timer: the first unfired warning, then the breach, then nothing', () => {
    expect(nextTimerAt(tracked(at('10:01')).plan, 0, false)).toEqual({ at: at('10:10'), event: 'warning' });
    expect(nextTimerAt(tracked(at('10:01')).plan, 2, false)).toEqual({
      at: new Date(at('10:15').getTime() + 1),
      event: 'breach',
    });
    expect(nextTimerAt(tracked(at('10:01')).plan, 2, true)).toBeNull();
  });

  it('a late run announces only the most severe due event, once', () => {
    const late = tracked(at('10:20'));
    expect(dueAnnouncements([late], at('10:20')).map((a) => a.event)).toEqual(['breach']);
    expect(dueAnnouncements([late], at('10:21'))).toEqual([]);
    const warned = tracked(at('10:12'));
    expect(dueAnnouncements([warned], at('10:12')).map((a) => a.event)).toEqual(['lastWarning']);
    expect(warned.warningsFired).toBe(2);
  });

  it('summary: amber once a warning is due, red once breached', () => {
    expect(summarize([tracked(at('10:05'))], at('10:05')).slaState).toBe('ok');
    expect(summarize([tracked(at('10:10'))], at('10:11')).slaState).toBe('warning');
    expect(summarize([tracked(at('10:16'))], at('10:16')).slaState).toBe('breached');
  });
});
