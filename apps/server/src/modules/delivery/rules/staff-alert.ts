import type { TicketPriority } from '@guanjia/shared';
import type { StaffChannel } from '../schema';

export interface StaffAddresses {
  channels: readonly StaffChannel[];
  /** The preference's own address, else the profile's. */
  email: string | null;
  mobile: string | null;
}

export interface StaffTarget {
  channel: StaffChannel;
  recipient: string;
}

/**
 * Where a staff member's alert goes besides the in-app notification they always get: each chosen
 * channel they can be reached on (a channel without its address is left out rather than failing
 * five times). The webhook is addressed to the user: the receiver maps user ids to its own accounts.
 */
export function staffTargets(userId: number, a: StaffAddresses): StaffTarget[] {
  const out: StaffTarget[] = [];
  for (const channel of new Set(a.channels)) {
    if (channel === 'email' && a.email) out.push({ channel, recipient: a.email });
    if ((channel === 'sms' || channel === 'wechat') && a.mobile) out.push({ channel, recipient: a.mobile });
    if (channel === 'webhook') out.push({ channel, recipient: String(userId) });
  }
  return out;
}

/**
 * Whether an SLA alert may ring a phone at night. Q07's quiet hours are about residents, but the same
 * reasoning holds for staff off shift: a warning only says a deadline is near, the on-shift desk sees
 * it in-app at once, and by morning it has become a breach or gone away — so warnings wait for the
 * window. A breach of an 急 (urgent) ticket is a resident without water or stuck in a lift right now:
 * the 项目经理 must hear it even at 02:00, so it bypasses quiet hours like an emergency notice. A
 * breach of an ordinary or appointment ticket waits for the morning too.
 */
export function staffAlertUrgent(event: 'warning' | 'breach', priority: TicketPriority): boolean {
  return event === 'breach' && priority === '急';
}
