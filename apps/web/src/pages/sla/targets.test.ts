import { describe, expect, it } from 'vitest';
import type { SlaTargets } from '../../api/types';
import { fromRows, toRows } from './targets';

describe('policy targets in the editor', () => {
  const urgent: SlaTargets = {
    dispatch: { minutes: 5, calendar: '24x7' },
    arrive: { minutes: 15, calendar: '24x7' },
    resolve: { minutes: 360, calendar: '24x7' },
  };
  const ordinary: SlaTargets = {
    arrive: { minutes: 30, calendar: 'business', appointmentOverrides: true },
    resolve: { businessDays: 1, calendar: 'business', appointmentOverrides: true },
    callback: { minutes: 2880, calendar: '24x7' },
  };

  it.each([
    ['urgent repair', urgent],
    ['ordinary repair', ordinary],
    ['nothing', {}],
  ])('round-trips %s', (_name, targets) => {
    expect(fromRows(toRows(targets))).toEqual(targets);
  });

  it('shows whole hours as hours and leaves disabled clocks out', () => {
    const rows = toRows(urgent);
    expect(rows.resolve).toMatchObject({ enabled: true, value: 6, unit: 'hours' });
    expect(rows.reply.enabled).toBe(false);
    rows.reply = { enabled: true, value: 0, unit: 'minutes', calendar: 'business' };
    expect(fromRows(rows).reply).toBeUndefined();
  });

  it('business days always run on the business calendar', () => {
    const rows = toRows({});
    rows.reply = { enabled: true, value: 4, unit: 'businessDays', calendar: '24x7' };
    expect(fromRows(rows).reply).toEqual({ businessDays: 4, calendar: 'business' });
  });
});
