import { describe, expect, it } from 'vitest';
import { contactPhoneFor } from './contact-phone';

const PHONE = '+8613812345678';
const masked = (v: string | null) => v !== null && v !== PHONE && v.includes('****');

describe('contactPhoneFor', () => {
  it.each([
    ['staff with pii.view', { userId: 9, mayViewPii: true }, { technicianId: 5, status: '已完成' }, true],
    [
      'the technician holding it, accepted',
      { userId: 5, mayViewPii: false },
      { technicianId: 5, status: '已接单' },
      true,
    ],
    [
      'the technician holding it, paused',
      { userId: 5, mayViewPii: false },
      { technicianId: 5, status: '挂起' },
      true,
    ],
    [
      'the technician after completing',
      { userId: 5, mayViewPii: false },
      { technicianId: 5, status: '已完成' },
      false,
    ],
    ['another technician', { userId: 6, mayViewPii: false }, { technicianId: 5, status: '已接单' }, false],
    [
      'anyone while it waits in the pool',
      { userId: 5, mayViewPii: false },
      { technicianId: null, status: '待派单' },
      false,
    ],
  ])('%s', (_, viewer, order, full) => {
    const out = contactPhoneFor(viewer, order, PHONE);
    if (full) expect(out).toBe(PHONE);
    else expect(masked(out)).toBe(true);
  });

  it('no phone stays no phone', () => {
    expect(
      contactPhoneFor({ userId: 1, mayViewPii: true }, { technicianId: 1, status: '已接单' }, null),
    ).toBeNull();
  });
});
