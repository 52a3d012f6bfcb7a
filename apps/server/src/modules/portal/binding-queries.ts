import { maskPhone } from '@guanjia/shared';
import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { type AuthContext, can } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { offsetOf, type PageQuery } from '../../platform/http/pagination';
import { buildings, projects, units } from '../org/schema';
import { residentPhones, residents, residentUnits } from '../residents/schema';
import type { PortalContext } from './context';
import { type BindingStatus, portalBindingRequests } from './schema';

type Row = typeof portalBindingRequests.$inferSelect;

function present(r: Row, unitLabel: string | null, showPhones: boolean) {
  return {
    id: r.id,
    projectId: r.projectId,
    unitId: r.unitId,
    unitLabel,
    kind: r.kind,
    status: r.status,
    name: r.name,
    phone: showPhones ? r.phone : maskPhone(r.phone),
    requesterPhone: showPhones ? r.requesterPhone : maskPhone(r.requesterPhone),
    relation: r.relation,
    leaseEndsOn: r.leaseEndsOn,
    targetResidentId: r.targetResidentId,
    note: r.note,
    attachments: r.attachments,
    rejectReason: r.rejectReason,
    residentId: r.residentId,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  };
}

async function page(db: DbOrTx, where: SQL | undefined, q: PageQuery, showPhones: boolean) {
  const [rows, [total]] = await Promise.all([
    db
      .select({ r: portalBindingRequests, label: units.label })
      .from(portalBindingRequests)
      .leftJoin(units, eq(units.id, portalBindingRequests.unitId))
      .where(where)
      .orderBy(desc(portalBindingRequests.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(portalBindingRequests).where(where),
  ]);
  return {
    items: rows.map(({ r, label }) => present(r, label, showPhones)),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The request a one-row page found; the callers looked it up (or wrote it) just before. */
function one<T>(found: { items: T[] }): T {
  const [row] = found.items;
  if (!row) throw notFound('Binding request');
  return row;
}

/** The front desk's queue: the caller's projects only; phones masked without pii.view. */
export function listBindings(
  db: DbOrTx,
  auth: AuthContext,
  q: PageQuery & { status?: BindingStatus; projectId?: number },
) {
  const projectIds = q.projectId ? auth.projectIds.filter((id) => id === q.projectId) : [...auth.projectIds];
  const where = and(
    eq(portalBindingRequests.companyId, auth.companyId),
    inArray(portalBindingRequests.projectId, projectIds.length ? projectIds : [-1]),
    q.status ? eq(portalBindingRequests.status, q.status) : undefined,
  );
  return page(db, where, q, can(auth, 'pii.view'));
}

/** One request as the desk sees it (the caller already passed bindingInScope). */
export async function bindingDetail(db: DbOrTx, auth: AuthContext, id: number) {
  const where = and(eq(portalBindingRequests.id, id), eq(portalBindingRequests.companyId, auth.companyId));
  return one(await page(db, where, { page: 1, pageSize: 1 }, can(auth, 'pii.view')));
}

/** One of my requests, as the portal shows it. */
export async function myBinding(db: DbOrTx, p: PortalContext, id: number) {
  const where = and(
    eq(portalBindingRequests.id, id),
    eq(portalBindingRequests.companyId, p.companyId),
    eq(portalBindingRequests.requesterPhone, p.phone),
  );
  return one(await page(db, where, { page: 1, pageSize: 1 }, true));
}

/** What I asked (and what the desk answered, with its reason), in this session's company only. */
export function myBindings(db: DbOrTx, p: PortalContext, q: PageQuery) {
  const where = and(
    eq(portalBindingRequests.companyId, p.companyId),
    eq(portalBindingRequests.requesterPhone, p.phone),
  );
  return page(db, where, q, true);
}

/** Everyone linked to the units I own, with phones half-hidden (the owner knows them anyway). */
export async function myHousehold(db: DbOrTx, p: PortalContext) {
  const owned = p.units.filter((u) => u.relation === '业主').map((u) => u.id);
  if (!owned.length) return { items: [], total: 0, page: 1, pageSize: 0 };
  const rows = await db
    .select({
      unitId: residentUnits.unitId,
      unitLabel: units.label,
      residentId: residents.id,
      name: residents.name,
      relation: residentUnits.relation,
      leaseEndsOn: residentUnits.leaseEndsOn,
    })
    .from(residentUnits)
    .innerJoin(residents, eq(residents.id, residentUnits.residentId))
    .innerJoin(units, eq(units.id, residentUnits.unitId))
    .where(inArray(residentUnits.unitId, owned))
    .orderBy(asc(units.label), asc(residents.id));
  const phones = rows.length
    ? await db
        .select({ residentId: residentPhones.residentId, e164: residentPhones.e164 })
        .from(residentPhones)
        .where(
          inArray(
            residentPhones.residentId,
            rows.map((r) => r.residentId),
          ),
        )
        .orderBy(asc(residentPhones.position))
    : [];
  const mine = new Set(p.residents.map((r) => r.id));
  const items = rows.map((r) => {
    const phone = phones.find((x) => x.residentId === r.residentId)?.e164;
    return { ...r, phone: phone ? maskPhone(phone) : null, me: mine.has(r.residentId) };
  });
  return { items, total: items.length, page: 1, pageSize: items.length };
}

/**
 * The unit picker, one level per call and only what choosing needs (names and labels, nobody who
 * lives there), limited to the session's company.
 */
export async function estateLevel(
  db: DbOrTx,
  p: PortalContext,
  q: PageQuery & { projectId?: number; buildingId?: number },
) {
  const list = (rows: { id: number; name: string }[], total: number) => ({
    items: rows,
    total,
    page: q.page,
    pageSize: q.pageSize,
  });
  if (q.buildingId) {
    const where = and(eq(units.buildingId, q.buildingId), eq(projects.companyId, p.companyId));
    const base = db.select({ id: units.id, name: units.label }).from(units);
    const [rows, [total]] = await Promise.all([
      base
        .innerJoin(projects, eq(projects.id, units.projectId))
        .where(where)
        .orderBy(asc(units.label))
        .limit(q.pageSize)
        .offset(offsetOf(q)),
      db
        .select({ n: count() })
        .from(units)
        .innerJoin(projects, eq(projects.id, units.projectId))
        .where(where),
    ]);
    return list(rows, total?.n ?? 0);
  }
  if (q.projectId) {
    const where = and(eq(buildings.projectId, q.projectId), eq(projects.companyId, p.companyId));
    const [rows, [total]] = await Promise.all([
      db
        .select({ id: buildings.id, name: buildings.name })
        .from(buildings)
        .innerJoin(projects, eq(projects.id, buildings.projectId))
        .where(where)
        .orderBy(asc(buildings.sortOrder), asc(buildings.code))
        .limit(q.pageSize)
        .offset(offsetOf(q)),
      db
        .select({ n: count() })
        .from(buildings)
        .innerJoin(projects, eq(projects.id, buildings.projectId))
        .where(where),
    ]);
    return list(rows, total?.n ?? 0);
  }
  const where = eq(projects.companyId, p.companyId);
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: projects.id, name: projects.name })
      .from(projects)
      .where(where)
      .orderBy(asc(projects.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(projects).where(where),
  ]);
  return list(rows, total?.n ?? 0);
}
