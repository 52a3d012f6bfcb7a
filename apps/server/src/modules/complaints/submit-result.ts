import { getSetting } from '../../platform/settings/get-setting';
import { patchTicket, stateOf } from '../tickets/ticket-ops';
import type { TicketWrite } from '../tickets/ticket-write';
import { runTicketAction } from '../tickets/transitions';
import { REVIEW_ROLES } from './settings';
import { responsiblePeople, roleHolders, tell } from './tell';

/**
 * W-09's review before closing: a complaint's handling result (the reply to the resident) waits for
 * the 班长/主管 instead of resolving the ticket. A result sent back is redone and submitted again.
 */
export async function submitForReview(w: TicketWrite, result: string): Promise<void> {
  const t = w.bundle.ticket;
  // Only where resolving is possible now (处理中, nothing open): else the usual 409 with the actions.
  runTicketAction(stateOf(w), { type: 'resolve' });
  const before = { reviewState: t.reviewState };
  await patchTicket(w, { handlingResult: result, reviewState: 'pending', reviewNote: null });
  await w.event({
    action: 'complaint.submitted',
    entityType: 'ticket',
    entityId: t.id,
    before,
    after: { reviewState: 'pending', result },
  });
  const roles = await getSetting(w.tx, REVIEW_ROLES, { companyId: t.companyId, projectId: t.projectId });
  await tell(w, await roleHolders(w.tx, t.companyId, t.projectId, roles), {
    companyId: t.companyId,
    projectId: t.projectId,
    ticketId: t.id,
    kind: 'complaint.review',
    title: `投诉处理结果待审核 ${t.number}`,
    body: result.slice(0, 300),
    dedupeKey: `review:${t.id}:${t.version}`,
  });
}

/**
 * The last work order of a complaint is done. A repair ticket resolves by itself then; a complaint
 * does not: its handling result (the reply to the resident) is written by the people answering for
 * it and reviewed before it goes to 待回访, so they are told the work is finished.
 */
export async function tellWorkDone(w: TicketWrite): Promise<void> {
  const t = w.bundle.ticket;
  await tell(w, [...(await responsiblePeople(w.tx, t)), t.ownerId], {
    companyId: t.companyId,
    projectId: t.projectId,
    ticketId: t.id,
    kind: 'complaint.work_done',
    title: `投诉派工已全部完工，请提交处理结果 ${t.number}`,
    body: t.description.slice(0, 300),
    dedupeKey: `work-done:${t.id}:${w.bundle.workOrders.length}`,
  });
}
