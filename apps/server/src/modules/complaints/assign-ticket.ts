import type { AuthContext } from '../../platform/auth/context';
import { checkVersion } from '../../platform/db/versioning';
import { isTicketOpen } from '../tickets/rules/ticket-status';
import { patchTicket } from '../tickets/ticket-ops';
import { type Ctx, writeTicket } from '../tickets/ticket-write';
import { ticketNotEditable } from '../tickets/transitions';
import { tellAssigned } from './complaint-intake';
import { checkHandlingRefs } from './handling-refs';
import { moveActiveSupervision } from './supervision-store';
import type { AssignBody } from './ticket-commands.types';

/**
 * Hand a ticket to a department and/or a person (投诉闭环: 首问负责 stays with the owner, the handling
 * goes to 工程部, 秩序部 …). An active 督办 follows the new person; they are told.
 */
export async function assignTicket(ctx: Ctx, auth: AuthContext, id: number, body: AssignBody) {
  return writeTicket(ctx, auth, id, async (w) => {
    const t = checkVersion(w.bundle.ticket, body.version, 'Ticket');
    if (!isTicketOpen(t.status)) throw ticketNotEditable(t.status);
    const next = {
      departmentId: body.departmentId === undefined ? t.departmentId : body.departmentId,
      assigneeId: body.assigneeId === undefined ? t.assigneeId : body.assigneeId,
    };
    if (next.departmentId === t.departmentId && next.assigneeId === t.assigneeId) return;
    const { departmentName } = await checkHandlingRefs(w.tx, t.companyId, t.projectId, {
      departmentId: next.departmentId !== t.departmentId ? next.departmentId : null,
      assigneeId: next.assigneeId !== t.assigneeId ? next.assigneeId : null,
    });
    const before = { departmentId: t.departmentId, assigneeId: t.assigneeId };
    await patchTicket(w, next);
    await moveActiveSupervision(w, next.assigneeId ?? t.ownerId, next.departmentId);
    await w.event({
      action: 'ticket.assigned',
      entityType: 'ticket',
      entityId: t.id,
      before,
      after: { ...next, ...(departmentName ? { departmentName } : {}) },
    });
    await tellAssigned(w, t);
  });
}
