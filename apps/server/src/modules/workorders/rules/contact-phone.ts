import { HELD_WORK_ORDER_STATUSES, maskPhone } from '@guanjia/shared';

const HELD = new Set<string>(HELD_WORK_ORDER_STATUSES);

/**
 * The resident's phone on a work order: in full for staff who may see PII, and for the technician
 * while the order is his and unfinished — he has to call before coming up. Masked for everyone else,
 * and for him again once the order is done or has left him.
 */
export function contactPhoneFor(
  viewer: { userId: number; mayViewPii: boolean },
  order: { technicianId: number | null; status: string },
  phone: string | null,
): string | null {
  if (phone === null) return null;
  if (viewer.mayViewPii) return phone;
  const holds = order.technicianId === viewer.userId && HELD.has(order.status);
  return holds ? phone : maskPhone(phone);
}
