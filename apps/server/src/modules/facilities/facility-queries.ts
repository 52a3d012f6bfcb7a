import { maskPhone } from '@guanjia/shared';
import type { Booking, BookingListQuery, Facility } from '@guanjia/shared/api';
import { and, asc, count, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { type AuthContext, assertInScope, can } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { scopeIds } from '../org/queries';
import { units } from '../org/schema';
import { type BookingRow, type FacilityRow, facilities, facilityBookings } from './schema';

export async function facilityInScope(db: DbOrTx, auth: AuthContext, id: number, lock = false) {
  const query = db.select().from(facilities).where(eq(facilities.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Facility');
  assertInScope(auth, row.projectId, 'Facility');
  return row;
}

export async function bookingInScope(db: DbOrTx, auth: AuthContext, id: number, lock = false) {
  const query = db.select().from(facilityBookings).where(eq(facilityBookings.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Booking');
  assertInScope(auth, row.projectId, 'Booking');
  return row;
}

export function presentFacility(f: FacilityRow): Facility {
  const { companyId: _c, createdAt: _a, updatedAt: _u, ...rest } = f;
  return rest;
}

export async function listFacilities(db: DbOrTx, projectIds: number[]) {
  if (!projectIds.length) return [];
  const rows = await db
    .select()
    .from(facilities)
    .where(inArray(facilities.projectId, projectIds))
    .orderBy(asc(facilities.projectId), asc(facilities.id));
  return rows.map(presentFacility);
}

/** Bookings with their facility's name and unit label; phones masked unless the caller may see them. */
export async function presentBookings(
  db: DbOrTx,
  rows: BookingRow[],
  showPhone: boolean,
): Promise<Booking[]> {
  if (!rows.length) return [];
  const [fs, us] = await Promise.all([
    db
      .select({ id: facilities.id, name: facilities.name })
      .from(facilities)
      .where(inArray(facilities.id, [...new Set(rows.map((r) => r.facilityId))])),
    db
      .select({ id: units.id, label: units.label })
      .from(units)
      .where(inArray(units.id, [...new Set(rows.map((r) => r.unitId))])),
  ]);
  const name = new Map(fs.map((f) => [f.id, f.name]));
  const label = new Map(us.map((u) => [u.id, u.label]));
  return rows.map((r) => ({
    id: r.id,
    projectId: r.projectId,
    facilityId: r.facilityId,
    facilityName: name.get(r.facilityId) ?? '',
    unitId: r.unitId,
    unitLabel: label.get(r.unitId) ?? '',
    contactName: r.contactName,
    contactPhone: showPhone ? r.contactPhone : maskPhone(r.contactPhone),
    source: r.source,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    people: r.people,
    note: r.note,
    state: r.state,
    feeFen: r.feeFen,
    billId: r.billId,
    checkedInAt: r.checkedInAt?.toISOString() ?? null,
    cancelledAt: r.cancelledAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  }));
}

export async function listBookings(db: DbOrTx, auth: AuthContext, q: BookingListQuery) {
  const projectIds = q.projectId ? scopeIds(auth).filter((id) => id === q.projectId) : scopeIds(auth);
  const where: SQL[] = [inArray(facilityBookings.projectId, projectIds.length ? projectIds : [-1])];
  if (q.facilityId) where.push(eq(facilityBookings.facilityId, q.facilityId));
  if (q.state) where.push(eq(facilityBookings.state, q.state));
  if (q.from) where.push(gte(facilityBookings.startsAt, new Date(q.from)));
  if (q.to) where.push(lt(facilityBookings.startsAt, new Date(q.to)));
  const cond = and(...where);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(facilityBookings)
      .where(cond)
      .orderBy(desc(facilityBookings.startsAt), desc(facilityBookings.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(facilityBookings).where(cond),
  ]);
  return {
    items: await presentBookings(db, rows, can(auth, 'pii.view')),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
