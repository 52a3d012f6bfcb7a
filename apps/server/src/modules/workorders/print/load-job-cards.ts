import { uploadIdOf } from '@guanjia/shared/api';
import { and, asc, eq, gte, lt, ne } from 'drizzle-orm';
import { type AuthContext, assertInScope, can } from '../../../platform/auth/context';
import { users } from '../../../platform/auth/schema';
import type { Db } from '../../../platform/db/client';
import { badRequest } from '../../../platform/http/errors';
import { projects } from '../../org/schema';
import { ticketCategories, tickets } from '../../tickets/schema';
import { uploads } from '../../uploads/schema';
import { contactPhoneFor } from '../rules/contact-phone';
import { workOrders } from '../schema';
import { jobSite, loadVisible } from '../work-order-view';
import type { JobCardData } from './rules/job-card-fields';

/** A batch never prints more than this many cards (a busy estate's shift is a few dozen). */
export const PRINT_BATCH_CAP = 200;

export interface LoadedCard {
  data: JobCardData;
  signature: Buffer | null;
}

/** The orders of a shift: dispatched (or, waiting, created) in [from, to) in a project, not cancelled. */
export async function shiftOrderIds(db: Db, auth: AuthContext, projectId: number, from: Date, to: Date) {
  assertInScope(auth, projectId, 'Project');
  if (to <= from) throw badRequest('The shift ends before it starts', { from, to });
  const rows = await db
    .select({ id: workOrders.id })
    .from(workOrders)
    .where(
      and(
        eq(workOrders.projectId, projectId),
        ne(workOrders.status, '已取消'),
        gte(workOrders.createdAt, from),
        lt(workOrders.createdAt, to),
        can(auth, 'tickets.read') ? undefined : eq(workOrders.technicianId, auth.userId),
      ),
    )
    .orderBy(asc(workOrders.id))
    .limit(PRINT_BATCH_CAP + 1);
  if (rows.length > PRINT_BATCH_CAP)
    throw badRequest(`At most ${PRINT_BATCH_CAP} work orders a print`, { cap: PRINT_BATCH_CAP });
  return rows.map((r) => r.id);
}

/** Every card the caller may see (404 for any other, as the single read does), in the order asked. */
export async function loadJobCards(db: Db, auth: AuthContext, ids: number[]): Promise<LoadedCard[]> {
  const cards: LoadedCard[] = [];
  for (const id of ids) {
    const wo = await loadVisible(db, auth, id);
    const [site, [extra], tech, signature] = await Promise.all([
      jobSite(db, wo.ticketId),
      db
        .select({
          category: ticketCategories.pathNames,
          timeZone: projects.timezone,
          createdAt: tickets.createdAt,
          description: tickets.description,
        })
        .from(tickets)
        .innerJoin(projects, eq(projects.id, tickets.projectId))
        .leftJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId))
        .where(eq(tickets.id, wo.ticketId)),
      wo.technicianId
        ? db.select({ name: users.displayName }).from(users).where(eq(users.id, wo.technicianId))
        : [],
      signatureImage(db, auth.companyId, wo.signature),
    ]);
    if (!site || !extra) continue;
    const viewer = { userId: auth.userId, mayViewPii: can(auth, 'pii.view') };
    cards.push({
      data: {
        id: wo.id,
        number: wo.number,
        ticketNumber: site.number,
        projectName: site.projectName,
        buildingName: site.buildingName,
        room: site.room,
        unitLabel: site.unitLabel,
        residentName: site.contactName,
        phone: contactPhoneFor(viewer, wo, site.contactPhone),
        title: site.title,
        description: wo.description || extra.description,
        category: extra.category,
        priority: wo.priority,
        status: wo.status,
        technicianName: tech[0]?.name ?? wo.vendorName,
        createdAt: extra.createdAt,
        appointmentAt: wo.appointmentAt,
        dispatchedAt: wo.dispatchedAt,
        arrivedAt: wo.arrivedAt,
        completedAt: wo.completedAt,
        materials: wo.materials,
        result: wo.result,
        timeZone: extra.timeZone,
      },
      signature,
    });
  }
  return cards;
}

/** The signature's image: an upload of the company, or a data URL stored before uploads existed. */
async function signatureImage(db: Db, companyId: number, ref: string | null): Promise<Buffer | null> {
  if (!ref) return null;
  const id = uploadIdOf(ref);
  if (id !== null) {
    const [row] = await db
      .select({ content: uploads.content })
      .from(uploads)
      .where(and(eq(uploads.id, id), eq(uploads.companyId, companyId)));
    return row?.content ?? null;
  }
  const data = /^data:image\/(?:png|jpeg);base64,(.+)$/.exec(ref);
  return data ? Buffer.from(data[1]!, 'base64') : null;
}
