import { asc, eq } from 'drizzle-orm';
import { units } from '../modules/org/schema';
import { createTicket } from '../modules/tickets/create-ticket';
import { activeModel } from '../modules/triage/model-store';
import { recordTicketTriage } from '../modules/triage/record-triage';
import { suggestForProject } from '../modules/triage/suggest-text';
import type { Services } from '../platform/http/app-types';
import type { Bootstrap } from './bootstrap';
import { firstProject, seedAdmin } from './demo-context';

/**
 * 智能分类 demo: the base model trained from the shipped set and stored as the company's version 1,
 * and three residents of one building reporting the same lift noise today, so the ticket page shows
 * "3 其他住户在…报了电梯异响" with the link action.
 */
export async function seedDemoTriage(services: Services, boot: Bootstrap): Promise<string> {
  const { db } = services.database;
  const model = await activeModel(db, boot.companyId);
  const project = await firstProject(db, boot.companyId);
  if (!project) return `triage model v${model.version}`;
  const auth = seedAdmin(boot, [project.id]);
  const rows = await db
    .select({ id: units.id, buildingId: units.buildingId })
    .from(units)
    .where(eq(units.projectId, project.id))
    .orderBy(asc(units.id))
    .limit(40);
  const building = rows[0]?.buildingId;
  const same = rows.filter((u) => u.buildingId === building).slice(0, 4);
  const texts = [
    '电梯运行有异响,咯吱咯吱的',
    '电梯有异响,晚上特别明显',
    '电梯上下的时候有异响',
    '电梯里有咚咚的异响',
  ];
  for (const [i, unit] of same.entries()) {
    const text = texts[i] ?? texts[0]!;
    const result = await suggestForProject(services.database, db, boot.companyId, project.id, text);
    const { id } = await createTicket(
      services,
      auth,
      {
        projectId: project.id,
        type: '报修',
        channel: 'phone',
        priority: '一般',
        unitId: unit.id,
        categoryId: result.categories[0]?.id ?? null,
        description: text,
        attachments: [],
      },
      `demo-triage:${i}`,
    );
    await recordTicketTriage(services, { ticketId: id, source: 'console', result, autoUrgent: false });
  }
  return `triage model v${model.version}, ${same.length} repeat lift-noise tickets`;
}
