import { and, desc, eq, isNull } from 'drizzle-orm';
import { users } from '../../platform/auth/schema';
import type { DbOrTx } from '../../platform/db/client';
import { projects } from '../org/schema';
import { slaClocks } from '../sla/schema';
import { ticketCategories, type tickets } from '../tickets/schema';
import { workOrders } from '../workorders/schema';

type TicketRow = typeof tickets.$inferSelect;

/** Work orders whose technician the resident may know: on the way, on site or done. */
const WITH_TECHNICIAN = new Set(['已派单', '已接单', '已到场', '处理中', '挂起', '已完成']);

/**
 * What the resident's progress page adds to the steps: who is coming (the technician's name, from the
 * latest work order that has one), when he is due on site (the running arrive clock of that order: the
 * SLA's target, or the end of the agreed window), what was reported, and whom to call.
 */
export async function myTicketProgress(db: DbOrTx, t: TicketRow) {
  const [wos, [project], [category]] = await Promise.all([
    db
      .select({
        id: workOrders.id,
        status: workOrders.status,
        technicianName: users.displayName,
      })
      .from(workOrders)
      .leftJoin(users, eq(users.id, workOrders.technicianId))
      .where(eq(workOrders.ticketId, t.id))
      .orderBy(desc(workOrders.id)),
    db.select({ servicePhone: projects.servicePhone }).from(projects).where(eq(projects.id, t.projectId)),
    t.categoryId
      ? db
          .select({ pathNames: ticketCategories.pathNames })
          .from(ticketCategories)
          .where(eq(ticketCategories.id, t.categoryId))
      : [],
  ]);
  const current = wos.find((w) => w.technicianName && WITH_TECHNICIAN.has(w.status));
  const waiting = current && (current.status === '已派单' || current.status === '已接单') ? current : null;
  const [arrive] = waiting
    ? await db
        .select({ dueAt: slaClocks.dueAt })
        .from(slaClocks)
        .where(
          and(
            eq(slaClocks.ticketId, t.id),
            eq(slaClocks.workOrderId, waiting.id),
            eq(slaClocks.kind, 'arrive'),
            isNull(slaClocks.stoppedAt),
          ),
        )
    : [];
  return {
    categoryPath: category?.pathNames ?? null,
    technicianName: current?.technicianName ?? null,
    expectedArrivalAt: arrive?.dueAt.toISOString() ?? null,
    servicePhone: project?.servicePhone ?? null,
  };
}
