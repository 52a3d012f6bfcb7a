import { bookableDays, textLogoDataUrl } from '@guanjia/shared';
import { and, count, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../platform/db/client';
import { badRequest } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { projects } from '../org/schema';
import { ensureCategoryTree, listCategories } from '../tickets/categories';
import { tickets } from '../tickets/schema';
import type { PortalContext } from './context';
import {
  PORTAL_APPOINTMENT_DAYS,
  PORTAL_APPOINTMENT_WINDOWS,
  PORTAL_COMMON_CATEGORIES,
  PORTAL_LOGO_URL,
  PORTAL_URGENT_KEYWORDS,
} from './settings';

/** The project of one of my units, or 400: a resident reports only about a unit bound to him. */
export function myUnitProject(p: PortalContext, unitId: number): number {
  const unit = p.units.find((u) => u.id === unitId);
  if (!unit) throw badRequest('Not one of your units', { unitId });
  return unit.projectId;
}

/**
 * Who the portal belongs to: the company (name, logo — or a text logo drawn from its name) and the
 * 小区 of my units with their service centre's phone (the 一键拨号 button).
 */
export async function portalBranding(db: DbOrTx, p: PortalContext) {
  const projectIds = [
    ...new Set([...p.units.map((u) => u.projectId), ...p.residents.map((r) => r.projectId)]),
  ];
  const [logo, rows] = await Promise.all([
    getSetting(db, PORTAL_LOGO_URL, { companyId: p.companyId }),
    projectIds.length
      ? db
          .select({ id: projects.id, name: projects.name, servicePhone: projects.servicePhone })
          .from(projects)
          .where(and(eq(projects.companyId, p.companyId), inArray(projects.id, projectIds)))
          .orderBy(projects.id)
      : [],
  ]);
  return {
    company: {
      code: p.company.code,
      name: p.company.name,
      logoUrl: logo || textLogoDataUrl(p.company.name),
      generatedLogo: !logo,
    },
    projects: rows,
  };
}

/**
 * What the report form offers for a unit's project: its category tree (company and project rows,
 * active only), the problems residents there report most (first on the form), the preferred-visit
 * windows and days on the estate's clock, and the words that suggest 紧急.
 */
export async function reportForm(database: Database, p: PortalContext, unitId: number, now: Date) {
  const { db } = database;
  const projectId = myUnitProject(p, unitId);
  const scope = { companyId: p.companyId, projectId };
  await ensureCategoryTree(db, p.companyId);
  const [rows, usage, [project], windows, days, keywords, commonCount] = await Promise.all([
    listCategories(db, p.companyId, [projectId]),
    db
      .select({ categoryId: tickets.categoryId, n: count() })
      .from(tickets)
      .where(and(eq(tickets.projectId, projectId), isNotNull(tickets.categoryId)))
      .groupBy(tickets.categoryId),
    db
      .select({ timezone: projects.timezone, servicePhone: projects.servicePhone })
      .from(projects)
      .where(eq(projects.id, projectId)),
    getSetting(db, PORTAL_APPOINTMENT_WINDOWS, scope),
    getSetting(db, PORTAL_APPOINTMENT_DAYS, scope),
    getSetting(db, PORTAL_URGENT_KEYWORDS, scope),
    getSetting(db, PORTAL_COMMON_CATEGORIES, scope),
  ]);
  const uses = new Map(usage.map((u) => [u.categoryId ?? 0, u.n]));
  const active = rows.filter((r) => r.active);
  // An inactive parent hides its children too: a resident never picks a problem staff retired.
  const live = new Set<number>();
  for (const r of active) if (r.parentId === null || live.has(r.parentId)) live.add(r.id);
  const items = active
    .filter((r) => live.has(r.id))
    .map((r) => ({
      id: r.id,
      parentId: r.parentId,
      level: r.level,
      name: r.name,
      pathNames: r.pathNames,
      urgent: r.defaultPriority === '急',
      uses: uses.get(r.id) ?? 0,
      sortOrder: r.sortOrder,
    }));
  const leaves = new Set(items.map((i) => i.id));
  for (const i of items) if (i.parentId !== null) leaves.delete(i.parentId);
  // The most used first, within each parent as in the common row; never-used keep the tree's order.
  items.sort((a, b) => a.level - b.level || b.uses - a.uses || a.sortOrder - b.sortOrder || a.id - b.id);
  const common = items
    .filter((i) => leaves.has(i.id) && i.uses > 0)
    .sort((a, b) => b.uses - a.uses || a.id - b.id)
    .slice(0, commonCount)
    .map((i) => i.id);
  const timezone = project?.timezone ?? 'Asia/Shanghai';
  return {
    projectId,
    items: items.map(({ sortOrder: _, ...i }) => i),
    common,
    urgentKeywords: keywords,
    appointment: { timezone, windows, days: bookableDays(now, timezone, days) },
    servicePhone: project?.servicePhone ?? null,
  };
}
