import { asc, eq, inArray } from 'drizzle-orm';
import { type AuthContext, assertInScope, can } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import type { Db } from '../../platform/db/client';
import type { Services } from '../../platform/http/app-types';
import { notFound } from '../../platform/http/errors';
import { buildings, projects, units } from '../org/schema';
import { residentPhones } from '../residents/schema';
import { slaClocks } from '../sla/schema';
import { presentWorkOrder } from '../tickets/detail';
import { tickets } from '../tickets/schema';
import { contactPhoneFor } from './rules/contact-phone';
import { workOrderHandoffs, workOrders } from './schema';

/**
 * Desk staff (tickets.read) see every order in scope; a technician (workorders.execute only) sees his
 * own orders and the grab pool of his projects — not other people's jobs (404, as if missing).
 */
export async function loadVisible(db: Db, auth: AuthContext, id: number) {
  const [wo] = await db.select().from(workOrders).where(eq(workOrders.id, id));
  if (!wo) throw notFound('Work order');
  assertInScope(auth, wo.projectId, 'Work order');
  const visible =
    can(auth, 'tickets.read') ||
    wo.technicianId === auth.userId ||
    (wo.status === '待派单' && wo.dispatchMode === 'grab');
  if (!visible) throw notFound('Work order');
  return wo;
}

/** The order's ticket with where to go (小区/楼栋/房号) and whom to call. */
export async function jobSite(db: Db, ticketId: number) {
  const [site] = await db
    .select({
      number: tickets.number,
      title: tickets.title,
      type: tickets.type,
      status: tickets.status,
      contactName: tickets.contactName,
      contactPhone: tickets.contactPhone,
      residentId: tickets.residentId,
      unitLabel: units.label,
      projectName: projects.name,
      buildingName: buildings.name,
      room: units.room,
      version: tickets.version,
    })
    .from(tickets)
    .innerJoin(projects, eq(projects.id, tickets.projectId))
    .leftJoin(units, eq(units.id, tickets.unitId))
    .leftJoin(buildings, eq(buildings.id, units.buildingId))
    .where(eq(tickets.id, ticketId));
  if (!site) return null;
  // Tickets logged for an archive caller before the intake copied their phone: read it from the archive.
  if (!site.contactPhone && site.residentId) {
    const [phone] = await db
      .select({ national: residentPhones.national })
      .from(residentPhones)
      .where(eq(residentPhones.residentId, site.residentId))
      .orderBy(asc(residentPhones.position), asc(residentPhones.id))
      .limit(1);
    site.contactPhone = phone?.national ?? null;
  }
  return site;
}

/** GET /api/work-orders/:id: the order, its job site (phone in full only while it is the reader's), hand-offs. */
export async function presentWorkOrderView(services: Services, auth: AuthContext, id: number) {
  const { db } = services.database;
  const wo = await loadVisible(db, auth, id);
  const [clocks, handoffs, site, names] = await Promise.all([
    db.select().from(slaClocks).where(eq(slaClocks.workOrderId, id)).orderBy(asc(slaClocks.id)),
    db
      .select()
      .from(workOrderHandoffs)
      .where(eq(workOrderHandoffs.workOrderId, id))
      .orderBy(asc(workOrderHandoffs.id)),
    jobSite(db, wo.ticketId),
    db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(inArray(users.id, wo.technicianId ? [wo.technicianId] : [-1])),
  ]);
  const nameMap = new Map(names.map((n) => [n.id, n.name]));
  const viewer = { userId: auth.userId, mayViewPii: can(auth, 'pii.view') };
  return {
    ...presentWorkOrder(wo, clocks, nameMap, services.clock.now(), auth.permissions),
    ticket: site
      ? {
          number: site.number,
          title: site.title,
          type: site.type,
          status: site.status,
          contactName: site.contactName,
          contactPhone: contactPhoneFor(viewer, wo, site.contactPhone),
          unitLabel: site.unitLabel,
          projectName: site.projectName,
          buildingName: site.buildingName,
          room: site.room,
          version: site.version,
        }
      : null,
    handoffs: handoffs.map((h) => ({
      technicianId: h.technicianId,
      from: h.fromAt.toISOString(),
      to: h.toAt?.toISOString() ?? null,
      leftReason: h.leftReason,
      note: h.note,
    })),
  };
}
