import { bookableDays, textLogoDataUrl } from '@guanjia/shared';
import { and, asc, eq, like } from 'drizzle-orm';
import { loadPortalContext } from '../modules/portal/context';
import { PORTAL_LOGO_URL } from '../modules/portal/settings';
import { reportTicket } from '../modules/portal/tickets';
import { residentPhones, residentUnits } from '../modules/residents/schema';
import { ensureCategoryTree } from '../modules/tickets/categories';
import { ticketCategories } from '../modules/tickets/schema';
import { companies } from '../platform/auth/schema';
import type { Services } from '../platform/http/app-types';
import { settings } from '../platform/settings/schema';
import type { Bootstrap } from './bootstrap';
import { firstProject } from './demo-context';

/**
 * The portal's branding and a resident's report: the company's logo (the text logo drawn from its name,
 * stored as its setting, as an uploaded one would be), and an owner's repair reported from the portal
 * with a problem from the tree and a preferred window tomorrow afternoon.
 */
export async function seedDemoPortalReport(services: Services, boot: Bootstrap): Promise<string> {
  const { db } = services.database;
  const [company] = await db
    .select({ name: companies.name })
    .from(companies)
    .where(eq(companies.id, boot.companyId));
  if (!company) return '0 portal reports';
  await db
    .insert(settings)
    .values({
      scope: 'company',
      scopeId: boot.companyId,
      key: PORTAL_LOGO_URL.key,
      value: textLogoDataUrl(company.name),
    })
    .onConflictDoNothing();
  const project = await firstProject(db, boot.companyId);
  if (!project) return '0 portal reports';
  const [owner] = await db
    .select({ phone: residentPhones.e164, unitId: residentUnits.unitId })
    .from(residentUnits)
    .innerJoin(residentPhones, eq(residentPhones.residentId, residentUnits.residentId))
    .where(
      and(
        eq(residentUnits.projectId, project.id),
        eq(residentUnits.relation, '业主'),
        like(residentPhones.e164, '+861%'),
      ),
    )
    .orderBy(asc(residentUnits.residentId))
    .offset(1)
    .limit(1);
  await ensureCategoryTree(db, boot.companyId);
  const [tap] = await db
    .select({ id: ticketCategories.id })
    .from(ticketCategories)
    .where(
      and(
        eq(ticketCategories.companyId, boot.companyId),
        eq(ticketCategories.pathNames, '户内/水/水龙头损坏'),
      ),
    );
  if (!owner) return '0 portal reports';
  const p = await loadPortalContext(db, { id: 0, companyId: boot.companyId, phone: owner.phone });
  const tomorrow = bookableDays(services.clock.now(), project.timezone, 2)[1] ?? '';
  await reportTicket(services, p, {
    unitId: owner.unitId,
    type: '报修',
    categoryId: tap?.id ?? null,
    description: '厨房水龙头关不紧,一直滴水,明天下午家里有人',
    urgent: false,
    appointment: { date: tomorrow, window: 'afternoon' },
    attachments: [],
  });
  return '1 portal report';
}
