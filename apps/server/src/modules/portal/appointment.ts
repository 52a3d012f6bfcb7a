import { type AppointmentRefusal, bookWindow } from '@guanjia/shared';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { AppError } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { projects } from '../org/schema';
import { PORTAL_APPOINTMENT_DAYS, PORTAL_APPOINTMENT_WINDOWS } from './settings';

const REFUSALS: Record<AppointmentRefusal, { code: string; message: string; path: string }> = {
  unknown_window: {
    code: 'appointment_unknown_window',
    message: 'Pick one of the offered time windows',
    path: 'body.appointment.window',
  },
  window_past: {
    code: 'appointment_past',
    message: 'That time window has already passed',
    path: 'body.appointment.date',
  },
  too_far: {
    code: 'appointment_too_far',
    message: 'That day is too far ahead; pick one of the offered days',
    path: 'body.appointment.date',
  },
};

/**
 * The resident's preferred window as the ticket's appointment (start) and window end, on the estate's
 * clock; a window that is over, unknown or too far ahead is refused with a 400 the form can show.
 */
export async function bookPreferredWindow(
  db: DbOrTx,
  scope: { companyId: number; projectId: number },
  pick: { date: string; window: string },
  now: Date,
): Promise<{ appointmentAt: string; appointmentUntil: string }> {
  const [windows, daysAhead, [project]] = await Promise.all([
    getSetting(db, PORTAL_APPOINTMENT_WINDOWS, scope),
    getSetting(db, PORTAL_APPOINTMENT_DAYS, scope),
    db.select({ timezone: projects.timezone }).from(projects).where(eq(projects.id, scope.projectId)),
  ]);
  const booked = bookWindow({
    ...pick,
    windows,
    daysAhead,
    timeZone: project?.timezone ?? 'Asia/Shanghai',
    now,
  });
  if ('refusal' in booked) {
    const r = REFUSALS[booked.refusal];
    throw new AppError(400, r.code, r.message, [{ path: r.path, message: r.message }]);
  }
  return { appointmentAt: booked.from.toISOString(), appointmentUntil: booked.to.toISOString() };
}
