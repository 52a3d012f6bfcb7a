import { maskPhone } from '@guanjia/shared';
import type { DeskEntry, DeskItem, DeskListQuery, DeskRegister } from '@guanjia/shared/api';
import { and, count, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { type AuthContext, can } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { escapeLike, scopeIds } from '../org/queries';
import { units } from '../org/schema';
import { type DeskEntryRow, type DeskItemRow, deskEntries, deskItems } from './schema';

/** PII stays masked unless the caller may see it (§1.18); a resident sees their own in the portal. */
const phoneFor = (auth: AuthContext | null, phone: string) =>
  !phone || !auth || can(auth, 'pii.view') ? phone : maskPhone(phone);

async function labels(db: DbOrTx, ids: (number | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is number => x !== null))];
  if (!wanted.length) return new Map<number, string>();
  const rows = await db
    .select({ id: units.id, label: units.label })
    .from(units)
    .where(inArray(units.id, wanted));
  return new Map(rows.map((r) => [r.id, r.label]));
}

/** Rows as the API shows them. `auth` null: the resident's own records (not masked). */
export async function presentEntries(
  db: DbOrTx,
  rows: DeskEntryRow[],
  now: Date,
  auth: AuthContext | null,
): Promise<DeskEntry[]> {
  const unitLabel = await labels(
    db,
    rows.map((r) => r.unitId),
  );
  const itemIds = [...new Set(rows.map((r) => r.itemId).filter((x): x is number => x !== null))];
  const items = itemIds.length
    ? await db
        .select({ id: deskItems.id, name: deskItems.name })
        .from(deskItems)
        .where(inArray(deskItems.id, itemIds))
    : [];
  const itemName = new Map(items.map((i) => [i.id, i.name]));
  return rows.map((r) => {
    const details = { ...r.details };
    // The parcel's pickup code is for the resident and the desk's eyes; a gate guard never needs it.
    if (r.register === 'parcel' && auth && !can(auth, 'desk.read')) delete details.pickupCode;
    return {
      id: r.id,
      projectId: r.projectId,
      register: r.register,
      code: r.code,
      status: r.status,
      source: r.source,
      unitId: r.unitId,
      unitLabel: r.unitId ? (unitLabel.get(r.unitId) ?? null) : null,
      name: r.name,
      phone: phoneFor(auth, r.phone),
      itemId: r.itemId,
      itemName: r.itemId
        ? (itemName.get(r.itemId) ?? null)
        : ((details.itemName as string | undefined) ?? null),
      validFrom: r.validFrom?.toISOString() ?? null,
      validUntil: r.validUntil?.toISOString() ?? null,
      usesAllowed: r.usesAllowed,
      usesCount: r.usesCount,
      dueAt: r.dueAt?.toISOString() ?? null,
      overdue: !r.closedAt && !!r.dueAt && r.dueAt.getTime() < now.getTime(),
      flags: r.flags,
      details,
      createdAt: r.createdAt.toISOString(),
      closedAt: r.closedAt?.toISOString() ?? null,
      version: r.version,
    };
  });
}

/** The projects a list reads: the one asked for if in scope (else none), or all in scope. */
export const projectsOf = (auth: AuthContext, projectId?: number) =>
  projectId ? (auth.projectIds.includes(projectId) ? [projectId] : [-1]) : scopeIds(auth);

export function entryFilters(auth: AuthContext, register: DeskRegister, q: DeskListQuery): SQL | undefined {
  const like = q.q ? `%${escapeLike(q.q)}%` : null;
  return and(
    eq(deskEntries.register, register),
    inArray(deskEntries.projectId, projectsOf(auth, q.projectId)),
    q.status ? eq(deskEntries.status, q.status) : undefined,
    like
      ? or(ilike(deskEntries.name, like), ilike(deskEntries.code, like), ilike(deskEntries.phone, like))
      : undefined,
  );
}

export async function listEntries(
  db: DbOrTx,
  auth: AuthContext,
  register: DeskRegister,
  q: DeskListQuery,
  now: Date,
  cap?: number,
) {
  const where = entryFilters(auth, register, q);
  const pageSize = cap ?? q.pageSize;
  const offset = cap ? 0 : (q.page - 1) * q.pageSize;
  const [rows, [total]] = await Promise.all([
    db.select().from(deskEntries).where(where).orderBy(desc(deskEntries.id)).limit(pageSize).offset(offset),
    db.select({ n: count() }).from(deskEntries).where(where),
  ]);
  return {
    items: await presentEntries(db, rows, now, auth),
    total: total?.n ?? 0,
    page: cap ? 1 : q.page,
    pageSize,
  };
}

export async function presentItems(
  db: DbOrTx,
  rows: DeskItemRow[],
  now: Date,
  auth: AuthContext,
): Promise<DeskItem[]> {
  const unitLabel = await labels(
    db,
    rows.map((r) => r.unitId),
  );
  const openIds = rows.map((r) => r.openEntryId).filter((x): x is number => x !== null);
  const open = openIds.length
    ? await db.select().from(deskEntries).where(inArray(deskEntries.id, openIds))
    : [];
  const byId = new Map(open.map((e) => [e.id, e]));
  return rows.map((r) => {
    const e = r.openEntryId ? byId.get(r.openEntryId) : undefined;
    return {
      id: r.id,
      projectId: r.projectId,
      register: r.register,
      name: r.name,
      category: r.category,
      unitId: r.unitId,
      unitLabel: r.unitId ? (unitLabel.get(r.unitId) ?? null) : null,
      location: r.location,
      status: r.status,
      agreementUploadId: r.agreementUploadId,
      note: r.note,
      holder: e ? `${e.name}${e.phone ? ` ${phoneFor(auth, e.phone)}` : ''}` : null,
      dueAt: e?.dueAt?.toISOString() ?? null,
      overdue: !!e?.dueAt && e.dueAt.getTime() < now.getTime(),
      version: r.version,
    };
  });
}

export async function listItems(
  db: DbOrTx,
  auth: AuthContext,
  register: 'key' | 'loan',
  q: DeskListQuery,
  now: Date,
) {
  const like = q.q ? `%${escapeLike(q.q)}%` : null;
  const where = and(
    eq(deskItems.register, register),
    inArray(deskItems.projectId, projectsOf(auth, q.projectId)),
    like ? ilike(deskItems.name, like) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(deskItems)
      .where(where)
      .orderBy(desc(deskItems.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(deskItems).where(where),
  ]);
  return {
    items: await presentItems(db, rows, now, auth),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
