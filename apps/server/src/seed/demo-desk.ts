import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { projects } from '../modules/org/schema';
import { addResidentNote } from '../modules/residents/add-resident-note';
import { tickets } from '../modules/tickets/schema';
import { urgeTicket } from '../modules/tickets/urge-ticket';
import type { Services } from '../platform/http/app-types';
import type { Bootstrap } from './bootstrap';
import { seedAdmin } from './demo-context';

/**
 * The desk's demo (issue 13): in each project the resident with the leaking kitchen pipe has chased it
 * twice (催单, so the 360, the home pages and the technician's bell show it) and carries a note on the 360.
 */
export async function seedDemoDesk(services: Services, boot: Bootstrap): Promise<void> {
  const { db } = services.database;
  const projectRows = await db
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.companyId, boot.companyId))
    .orderBy(asc(projects.id))
    .limit(2);
  const admin = seedAdmin(
    boot,
    projectRows.map((p) => p.id),
  );
  for (const project of projectRows) {
    const [leak] = await db
      .select({ id: tickets.id, residentId: tickets.residentId })
      .from(tickets)
      .where(
        and(
          eq(tickets.projectId, project.id),
          eq(tickets.description, '厨房水管漏水，水流到楼下'),
          isNotNull(tickets.residentId),
        ),
      )
      .limit(1);
    if (!leak?.residentId) continue;
    await urgeTicket(services, admin, leak.id, { note: '师傅还没到，水还在往楼下渗' });
    await urgeTicket(services, admin, leak.id, { note: '楼下邻居也打电话来了' });
    await addResidentNote(
      services,
      admin,
      leak.residentId,
      '家中有老人，来电请放慢语速；工作日 18:00 后方便接听',
    );
  }
}
