import { maskPhone } from '@guanjia/shared';
import type { MoveIn, MoveInListQuery } from '@guanjia/shared/api';
import { and, asc, count, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { type AuthContext, assertInScope, can } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { scopeIds } from '../org/queries';
import { units } from '../org/schema';
import { rectifications } from '../rectifications/schema';
import { type MoveInRow, moveInDefects, moveIns } from './schema';

export async function moveInInScope(db: DbOrTx, auth: AuthContext, id: number, lock = false) {
  const query = db.select().from(moveIns).where(eq(moveIns.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Move-in');
  assertInScope(auth, row.projectId, 'Move-in');
  return row;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

async function labels(db: DbOrTx, rows: MoveInRow[]) {
  if (!rows.length) return new Map<number, string>();
  const us = await db
    .select({ id: units.id, label: units.label })
    .from(units)
    .where(inArray(units.id, [...new Set(rows.map((r) => r.unitId))]));
  return new Map(us.map((u) => [u.id, u.label]));
}

function base(r: MoveInRow, label: string, showPii: boolean) {
  return {
    id: r.id,
    projectId: r.projectId,
    unitId: r.unitId,
    unitLabel: label,
    ownerName: r.ownerName,
    ownerPhone: showPii ? r.ownerPhone : maskPhone(r.ownerPhone),
    delegateName: r.delegateName,
    note: r.note,
    state: r.state,
    steps: Object.fromEntries(
      Object.entries(r.steps).map(([k, v]) => [
        k,
        { doneAt: v.doneAt, items: v.items, readings: v.readings, note: v.note },
      ]),
    ),
    completedAt: iso(r.completedAt),
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  };
}

export async function presentMoveIn(db: DbOrTx, auth: AuthContext, r: MoveInRow): Promise<MoveIn> {
  const [label, defects] = await Promise.all([
    labels(db, [r]),
    db
      .select({ d: moveInDefects, state: rectifications.state, deadline: rectifications.deadline })
      .from(moveInDefects)
      .innerJoin(rectifications, eq(rectifications.id, moveInDefects.rectificationId))
      .where(eq(moveInDefects.moveInId, r.id))
      .orderBy(asc(moveInDefects.id)),
  ]);
  return {
    ...base(r, label.get(r.unitId) ?? '', can(auth, 'pii.view')),
    defects: defects.map(({ d, state, deadline }) => ({
      id: d.id,
      location: d.location,
      description: d.description,
      label: '此处需维修',
      rectificationId: d.rectificationId,
      rectificationState: state,
      long: d.long,
      deadline: deadline.toISOString(),
      fixedAt: iso(d.fixedAt),
      replyDueAt: iso(d.replyDueAt),
      repliedAt: iso(d.repliedAt),
      lastProgressAt: iso(d.lastProgressAt),
    })),
  };
}

export async function listMoveIns(db: DbOrTx, auth: AuthContext, q: MoveInListQuery) {
  const ids = q.projectId ? scopeIds(auth).filter((id) => id === q.projectId) : scopeIds(auth);
  const where: SQL[] = [inArray(moveIns.projectId, ids.length ? ids : [-1])];
  if (q.state) where.push(eq(moveIns.state, q.state));
  const cond = and(...where);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(moveIns)
      .where(cond)
      .orderBy(desc(moveIns.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(moveIns).where(cond),
  ]);
  const label = await labels(db, rows);
  const open = rows.length
    ? await db
        .select({ moveInId: moveInDefects.moveInId, n: count() })
        .from(moveInDefects)
        .where(
          and(
            inArray(
              moveInDefects.moveInId,
              rows.map((r) => r.id),
            ),
            isNull(moveInDefects.fixedAt),
          ),
        )
        .groupBy(moveInDefects.moveInId)
    : [];
  const openBy = new Map(open.map((o) => [o.moveInId, o.n]));
  const showPii = can(auth, 'pii.view');
  return {
    items: rows.map((r) => ({
      ...base(r, label.get(r.unitId) ?? '', showPii),
      openDefects: openBy.get(r.id) ?? 0,
    })),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
