import type { AuthContext } from '../../platform/auth/context';
import { checkVersion } from '../../platform/db/versioning';
import { AppError } from '../../platform/http/errors';
import { resolveInWrite } from '../tickets/resolve-ticket';
import { patchTicket } from '../tickets/ticket-ops';
import { type Ctx, writeTicket } from '../tickets/ticket-write';
import { awaitingHandling, finishSupervision } from './supervision-job';
import { activeSupervision } from './supervision-store';
import { responsiblePeople, tell } from './tell';
import type { ReviewBody } from './ticket-commands.types';

/**
 * The 班长/主管's review of a complaint's handling result (W-09). Approved: the result is the reply to
 * the resident and the ticket resolves as any other (待回访 with its callback round, Q50's reply clock
 * stops, an active 督办 is done). Rejected: back to the department with what to redo.
 */
export async function reviewTicket(ctx: Ctx, auth: AuthContext, id: number, body: ReviewBody) {
  return writeTicket(ctx, auth, id, async (w) => {
    const t = checkVersion(w.bundle.ticket, body.version, 'Ticket');
    if (t.reviewState !== 'pending' || !t.handlingResult)
      throw new AppError(409, 'nothing_to_review', 'Ticket: no handling result is waiting for review', {
        reviewState: t.reviewState,
      });
    const note = body.note ?? null;
    if (body.approve) {
      const result = t.handlingResult;
      await patchTicket(w, { reviewState: 'approved', reviewNote: note });
      await w.event({
        action: 'complaint.approved',
        entityType: 'ticket',
        entityId: t.id,
        before: { reviewState: 'pending' },
        after: { reviewState: 'approved', note },
      });
      await resolveInWrite(w, result);
      const s = await activeSupervision(w);
      if (s && !awaitingHandling(t.status)) await finishSupervision(w, s, 'done');
      return;
    }
    await patchTicket(w, { reviewState: 'rejected', reviewNote: note });
    await w.event({
      action: 'complaint.rejected',
      entityType: 'ticket',
      entityId: t.id,
      before: { reviewState: 'pending' },
      after: { reviewState: 'rejected', note },
    });
    await tell(w, [...(await responsiblePeople(w.tx, t)), t.ownerId], {
      companyId: t.companyId,
      projectId: t.projectId,
      ticketId: t.id,
      kind: 'complaint.rejected',
      title: `投诉处理结果被退回 ${t.number}`,
      body: note ?? '',
      dedupeKey: `rejected:${t.id}:${t.version}`,
    });
  });
}
