import { wallClockInstant } from '@guanjia/shared';
import type { ContractorVisit, CreateVisitBody } from '@guanjia/shared/api';
import { and, count, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest, conflict, notFound } from '../../platform/http/errors';
import { scopeIds } from '../org/queries';
import { nextMonth } from '../patrol/patrol-queries';
import { projectZone } from '../patrol/route-queries';
import { workOrders } from '../workorders/schema';
import { contractorInScope } from './contractor-queries';
import { contractors, contractorVisits } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;

/** 签到: a contractor's people signed in at the office against a task or a work order of the project. */
export async function signInVisit(ctx: Ctx, auth: AuthContext, body: CreateVisitBody) {
  assertInScope(auth, body.projectId, 'Project');
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const c = await contractorInScope(tx, auth, body.contractorId);
    if (c.projectId !== body.projectId) throw badRequest('Contractor not in this project');
    const number = body.workOrderNumber?.trim() || null;
    if (number) {
      const [wo] = await tx
        .select({ id: workOrders.id })
        .from(workOrders)
        .where(and(eq(workOrders.projectId, body.projectId), eq(workOrders.number, number)));
      if (!wo) throw badRequest('No work order with this number in the project', { workOrderNumber: number });
    }
    const [row] = await tx
      .insert(contractorVisits)
      .values({
        companyId: auth.companyId,
        projectId: body.projectId,
        contractorId: c.id,
        visitorName: body.visitorName,
        headcount: body.headcount,
        purpose: body.purpose,
        inspectionTaskId: body.inspectionTaskId ?? null,
        workOrderNumber: number,
        safetyBriefing: body.safetyBriefing,
        escortId: body.escortId ?? null,
        note: body.note,
        signedInAt: now,
        createdById: auth.userId,
      })
      .returning();
    await recordEvent(tx, userActor(auth), now, {
      action: 'contractor_visit.signedIn',
      entityType: 'contractor',
      entityId: c.id,
      projectId: c.projectId,
      after: {
        visitId: row!.id,
        visitorName: body.visitorName,
        workOrderNumber: number,
        inspectionTaskId: body.inspectionTaskId ?? null,
      },
    });
    return row!;
  });
}

/** 签退 with the post-work site check (完工场地检查); once. */
export async function signOutVisit(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  body: { siteChecked: boolean; note?: string },
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [v] = await tx.select().from(contractorVisits).where(eq(contractorVisits.id, id)).for('update');
    if (!v) throw notFound('Visit');
    assertInScope(auth, v.projectId, 'Visit');
    if (v.signedOutAt) throw conflict('The visit is already signed out');
    const [row] = await tx
      .update(contractorVisits)
      .set({
        signedOutAt: now,
        siteChecked: body.siteChecked,
        ...(body.note !== undefined ? { note: body.note } : {}),
      })
      .where(eq(contractorVisits.id, v.id))
      .returning();
    await recordEvent(tx, userActor(auth), now, {
      action: 'contractor_visit.signedOut',
      entityType: 'contractor',
      entityId: v.contractorId,
      projectId: v.projectId,
      after: { visitId: v.id, siteChecked: body.siteChecked },
    });
    return row!;
  });
}

const escort = alias(users, 'escort');

export async function listVisits(
  db: DbOrTx,
  auth: AuthContext,
  q: {
    projectId?: number;
    contractorId?: number;
    month?: string;
    ids?: number[];
    page: number;
    pageSize: number;
  },
) {
  const scope = q.projectId ? scopeIds(auth).filter((id) => id === q.projectId) : scopeIds(auth);
  const parts: (SQL | undefined)[] = [inArray(contractorVisits.projectId, scope.length ? scope : [-1])];
  if (q.contractorId) parts.push(eq(contractorVisits.contractorId, q.contractorId));
  if (q.ids) parts.push(inArray(contractorVisits.id, q.ids));
  if (q.month) {
    const tz = await projectZone(db, q.projectId ?? scope[0] ?? -1);
    parts.push(gte(contractorVisits.signedInAt, wallClockInstant(`${q.month}-01`, '00:00', tz)));
    parts.push(lt(contractorVisits.signedInAt, wallClockInstant(nextMonth(q.month), '00:00', tz)));
  }
  const where = and(...parts);
  const [rows, [total]] = await Promise.all([
    db
      .select({ v: contractorVisits, name: contractors.name, escortName: escort.displayName })
      .from(contractorVisits)
      .innerJoin(contractors, eq(contractors.id, contractorVisits.contractorId))
      .leftJoin(escort, eq(escort.id, contractorVisits.escortId))
      .where(where)
      .orderBy(desc(contractorVisits.signedInAt), desc(contractorVisits.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(contractorVisits).where(where),
  ]);
  const items: ContractorVisit[] = rows.map(({ v, name, escortName }) => ({
    id: v.id,
    projectId: v.projectId,
    contractorId: v.contractorId,
    contractorName: name,
    visitorName: v.visitorName,
    headcount: v.headcount,
    purpose: v.purpose,
    inspectionTaskId: v.inspectionTaskId,
    workOrderNumber: v.workOrderNumber,
    safetyBriefing: v.safetyBriefing,
    siteChecked: v.siteChecked,
    escortId: v.escortId,
    escortName: escortName ?? null,
    signedInAt: v.signedInAt.toISOString(),
    signedOutAt: v.signedOutAt?.toISOString() ?? null,
    note: v.note,
  }));
  return { items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}
