import { eq } from 'drizzle-orm';
import { type AuthContext, can } from '../../platform/auth/context';
import { checkVersion } from '../../platform/db/versioning';
import { AppError, forbidden } from '../../platform/http/errors';
import { tellMajor } from '../complaints/complaint-intake';
import { patchWorkOrder } from '../dispatch/assign';
import { dropUnplannedClocks } from '../sla/unplanned-clocks';
import { addWorkOrder } from '../workorders/add-work-order';
import { workOrders } from '../workorders/schema';
import { usableSkill } from '../workorders/skill';
import { editReferences } from './edit-references';
import type { EditTicketBody } from './edit-ticket.types';
import {
  type EditableValues,
  type EditRequest,
  editAudit,
  editProblem,
  mergeEdit,
  reclassifies,
  ticketChanges,
} from './rules/ticket-edit';
import { isTicketOpen } from './rules/ticket-status';
import { isWorkOrderOpen } from './rules/work-order-status';
import { patchTicket } from './ticket-ops';
import { type Ctx, writeTicket } from './ticket-write';
import { ticketNotEditable } from './transitions';

/**
 * Correct a ticket after intake (PATCH /api/tickets/:id): type, category, priority, unit/resident,
 * contact, description, appointment. A new type, category or priority re-plans the SLA clocks: the
 * recompute that ends every write (ticket-write.ts finishWrite) plans them from the ticket's facts —
 * its createdAt, each work order's own createdAt — so a burst pipe logged as 咨询 and corrected to
 * 报修/急 is held to the urgent targets counted from when it was reported, not from the correction.
 * Clocks that already stopped are judged again under the corrected targets, as a policy change does
 * (sla/reapply.ts): the report then says whether the resident was served in time for what the request
 * really was. One `ticket.edited` event records who, why, and before/after of what changed.
 */
export async function editTicket(ctx: Ctx, auth: AuthContext, id: number, body: EditTicketBody) {
  const { version, reason, contactName, appointmentAt, ...rest } = body;
  const requested: EditRequest = {
    ...rest,
    contactName: contactName === '' ? null : contactName,
    appointmentAt: appointmentAt == null ? appointmentAt : new Date(appointmentAt),
  };
  // Staff who only see masked numbers cannot overwrite them with what they were shown (as residents).
  if (requested.contactPhone !== undefined && !can(auth, 'pii.view')) throw forbidden('pii.view');

  return writeTicket(ctx, auth, id, async (w) => {
    const t = checkVersion(w.bundle.ticket, version, 'Ticket');
    if (!isTicketOpen(t.status)) throw ticketNotEditable(t.status);
    const current: EditableValues = {
      type: t.type,
      categoryId: t.categoryId,
      priority: t.priority,
      unitId: t.unitId,
      residentId: t.residentId,
      contactName: t.contactName,
      contactPhone: t.contactPhone,
      description: t.description,
      appointmentAt: t.appointmentAt,
      grade: t.grade,
      cause: t.cause,
    };
    const changes = ticketChanges(current, requested);
    // Saving the form unchanged is not an error, and not a correction worth a timeline entry.
    if (!Object.keys(changes).length) return;
    const refs = await editReferences(w, changes, mergeEdit(current, changes));
    // A new resident is who to call back, unless the agent named someone else (as at intake).
    if (refs.residentName && requested.contactName === undefined && refs.residentName !== t.contactName)
      changes.contactName = refs.residentName;
    const next = mergeEdit(current, changes);
    const problem = editProblem(next);
    if (problem)
      throw new AppError(400, 'validation_failed', problem.message, [
        { path: `body.${problem.path}`, message: problem.message },
      ]);

    const categoryChanged = changes.categoryId !== undefined;
    const searchRest = [next.contactName, next.contactPhone, refs.unitLabel, t.title, next.description]
      .filter(Boolean)
      .join(' ');
    // A staff-agreed time replaces the resident's window: the agreed moment, no window end.
    const windowEnd = changes.appointmentAt !== undefined ? { appointmentUntil: null } : {};
    await patchTicket(w, {
      ...next,
      ...windowEnd,
      // The category's callback rule applies to the corrected ticket, as it would have at intake.
      ...(categoryChanged ? { callbackRule: refs.category?.callbackRule ?? 'always' } : {}),
      searchText: `${t.number} ${searchRest}`,
    });
    // The SLA targets are matched on the category path (policy-match.ts): the recompute needs the new one.
    if (categoryChanged) w.bundle.categoryPath = [...(refs.category?.pathIds ?? [])];

    // Open work orders carry the ticket's priority, appointment and category (the board sorts by them).
    if (changes.priority !== undefined || changes.appointmentAt !== undefined || categoryChanged) {
      for (const wo of w.bundle.workOrders.filter((x) => isWorkOrderOpen(x.status)))
        await patchWorkOrder(w, wo, {
          priority: next.priority,
          appointmentAt: next.appointmentAt,
          ...windowEnd,
          categoryId: next.categoryId,
        });
    }

    // A repair always has a work order (the intake creates one): a request corrected to 报修 gets the
    // one the intake would have created. It counts from the intake, so its clocks (the 15-minute arrival
    // of an urgent job) run from when the resident reported it.
    const open = t.status === '待受理' || t.status === '处理中';
    let addedWorkOrder: number | null = null;
    if (changes.type === '报修' && open && w.bundle.workOrders.length === 0) {
      const wo = await addWorkOrder(w, {}, await usableSkill(w));
      await w.tx.update(workOrders).set({ createdAt: t.createdAt }).where(eq(workOrders.id, wo.id));
      wo.createdAt = t.createdAt;
      addedWorkOrder = wo.id;
    }
    if (reclassifies(changes)) await dropUnplannedClocks(w, w.bundle);
    // A complaint raised to 重大 reaches the project manager at once, as at intake (W-09).
    if (changes.grade === 'major' && next.type === '投诉') await tellMajor(w, t);

    const audit = editAudit(current, changes);
    if (categoryChanged) {
      audit.before.categoryPath = refs.categoryPathBefore;
      audit.after.categoryPath = refs.category?.pathNames ?? null;
    }
    if (changes.unitId !== undefined) audit.after.unitLabel = refs.unitLabel;
    await w.event({
      action: 'ticket.edited',
      entityType: 'ticket',
      entityId: t.id,
      before: audit.before,
      after: { ...audit.after, reason, ...(addedWorkOrder ? { workOrderId: addedWorkOrder } : {}) },
    });
  });
}
