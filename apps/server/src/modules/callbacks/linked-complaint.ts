import { TICKET_NUMBER_PREFIX } from '@guanjia/shared';
import { applyHandlingIntake } from '../complaints/complaint-intake';
import { notify, usersWithRoles } from '../notifications/notify';
import { recomputeSla } from '../sla/engine';
import type { CategoryRow } from '../tickets/category-tree';
import { nextNumber } from '../tickets/numbering';
import { tickets } from '../tickets/schema';
import type { TicketWrite } from '../tickets/ticket-write';

/**
 * "如不满意按投诉处理": a 投诉 ticket linked to the one called back, owned by the calling agent, with
 * its own reply clock (Q50). The 班长 and 主管 are told.
 */
export async function createLinkedComplaint(
  w: TicketWrite,
  comment: string | null,
  /** What the complaint is about (asked on the callback form); its SLA policies and callback rule apply. */
  category: CategoryRow | null = null,
): Promise<number> {
  const src = w.bundle.ticket;
  const number = await nextNumber(w.tx, src.projectId, TICKET_NUMBER_PREFIX.投诉, w.now, w.sla.timezone);
  const description = `回访不满意（原单 ${src.number}）${comment ? `：${comment}` : ''}`;
  const [row] = await w.tx
    .insert(tickets)
    .values({
      companyId: src.companyId,
      projectId: src.projectId,
      number,
      type: '投诉',
      channel: 'phone',
      status: '处理中',
      priority: '一般',
      unitId: src.unitId,
      residentId: src.residentId,
      contactName: src.contactName,
      contactPhone: src.contactPhone,
      categoryId: category?.id ?? null,
      ...(category?.callbackRule ? { callbackRule: category.callbackRule } : {}),
      title: `回访不满意：${src.title}`,
      description,
      ownerId: w.actor.userId,
      createdById: w.actor.userId,
      sourceTicketId: src.id,
      acceptedAt: w.now,
      searchText: [number, src.contactName, src.contactPhone, src.number, description]
        .filter(Boolean)
        .join(' '),
      createdAt: w.now,
      updatedAt: w.now,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await w.event({
    action: 'ticket.created',
    entityType: 'ticket',
    entityId: row.id,
    after: { number, type: '投诉', sourceTicketId: src.id, status: row.status },
  });
  // Same project, so the write's SLA context applies to the complaint as well.
  await recomputeSla(w, {
    ticket: row,
    workOrders: [],
    callbacks: [],
    categoryPath: [...(category?.pathIds ?? [])],
  });
  const people = await usersWithRoles(
    w.tx,
    src.companyId,
    src.projectId,
    w.sla.settings.escalation.lastWarning,
  );
  await notify(
    w,
    people.map((p) => ({
      companyId: src.companyId,
      userId: p.userId,
      projectId: src.projectId,
      kind: 'complaint.created' as const,
      level: 1,
      title: `回访不满意转投诉 ${number}`,
      body: description,
      ticketId: row.id,
      dedupeKey: `complaint:${row.id}`,
    })),
  );
  // Grade 一般, the promised reply time (Q53) and the 投诉预警 check, as for any complaint.
  await applyHandlingIntake(w, row, {});
  w.outbox.push({
    type: 'ticket.created',
    companyId: src.companyId,
    projectId: src.projectId,
    entityType: 'ticket',
    entityId: row.id,
  });
  return row.id;
}
