import type { AuthContext } from '../../platform/auth/context';
import { checkVersion } from '../../platform/db/versioning';
import { patchTicket } from '../tickets/ticket-ops';
import { type Ctx, writeTicket } from '../tickets/ticket-write';

/** Q52's weekly meeting: why this complaint ran late, in its owner's (or a supervisor's) words. */
export async function recordOverdueCause(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  body: { version: number; cause: string },
) {
  return writeTicket(ctx, auth, id, async (w) => {
    const t = checkVersion(w.bundle.ticket, body.version, 'Ticket');
    const before = { overdueCause: t.overdueCause };
    await patchTicket(w, { overdueCause: body.cause });
    await w.event({
      action: 'complaint.overdue_cause',
      entityType: 'ticket',
      entityId: t.id,
      before,
      after: { overdueCause: body.cause },
    });
  });
}
