import { wallClockInstant } from '@guanjia/shared';
import type { ContractorEvaluation, ContractorMonthSummary, CreateEvaluationBody } from '@guanjia/shared/api';
import { and, asc, count, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { assertInScope } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import type { DbOrTx } from '../../platform/db/client';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { conflict, notFound } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { scopeIds } from '../org/queries';
import { nextMonth } from '../patrol/patrol-queries';
import { projectZone } from '../patrol/route-queries';
import { contractorInScope } from './contractor-queries';
import { scoreEvaluation, suggestScores } from './rules/scoring';
import { contractorEvaluations, contractors, contractorVisits, type EvaluationRow } from './schema';
import { EVALUATION_BANDS, EVALUATION_ITEMS } from './settings';

type Ctx = Pick<Services, 'database' | 'clock'>;

async function rules(db: DbOrTx, companyId: number, projectId: number) {
  const scope = { companyId, projectId };
  const [items, bands] = await Promise.all([
    getSetting(db, EVALUATION_ITEMS, scope),
    getSetting(db, EVALUATION_BANDS, scope),
  ]);
  return { items, bands };
}

/** The month's visits of a contractor, for the suggested scores. */
async function visitsOf(db: DbOrTx, contractorId: number, projectId: number, month: string) {
  const tz = await projectZone(db, projectId);
  return db
    .select()
    .from(contractorVisits)
    .where(
      and(
        eq(contractorVisits.contractorId, contractorId),
        gte(contractorVisits.signedInAt, wallClockInstant(`${month}-01`, '00:00', tz)),
        lt(contractorVisits.signedInAt, wallClockInstant(nextMonth(month), '00:00', tz)),
      ),
    );
}

export async function suggestEvaluation(
  db: DbOrTx,
  auth: AuthContext,
  q: { contractorId: number; month: string },
) {
  const c = await contractorInScope(db, auth, q.contractorId);
  const { items } = await rules(db, c.companyId, c.projectId);
  const visits = await visitsOf(db, c.id, c.projectId, q.month);
  return {
    items: suggestScores(
      items,
      visits.map((v) => ({
        safetyBriefing: v.safetyBriefing,
        siteChecked: v.siteChecked,
        signedOut: Boolean(v.signedOutAt),
      })),
    ),
    visits: visits.length,
  };
}

/** 月度评价: scored against the project's items; one per contractor and month (409 for a second). */
export async function evaluateContractor(ctx: Ctx, auth: AuthContext, body: CreateEvaluationBody) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const c = await contractorInScope(tx, auth, body.contractorId);
    const { items, bands } = await rules(tx, c.companyId, c.projectId);
    const r = scoreEvaluation(items, body.scores, bands);
    const [row] = await tx
      .insert(contractorEvaluations)
      .values({
        companyId: c.companyId,
        projectId: c.projectId,
        contractorId: c.id,
        month: body.month,
        items: r.items,
        total: r.total,
        grade: r.grade,
        settlementPercent: r.settlementPercent,
        note: body.note,
        evaluatedById: auth.userId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict('This contractor is already evaluated for the month; edit that evaluation');
    await recordEvent(tx, userActor(auth), now, {
      action: 'contractor.evaluated',
      entityType: 'contractor',
      entityId: c.id,
      projectId: c.projectId,
      after: { evaluationId: row.id, month: body.month, total: r.total, grade: r.grade },
    });
    return row;
  });
}

export async function editEvaluation(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  body: { version: number; scores?: Record<string, number>; note?: string },
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [found] = await tx
      .select()
      .from(contractorEvaluations)
      .where(eq(contractorEvaluations.id, id))
      .for('update');
    if (!found) throw notFound('Evaluation');
    assertInScope(auth, found.projectId, 'Evaluation');
    const e = checkVersion(found, body.version, 'Evaluation');
    const { items, bands } = await rules(tx, e.companyId, e.projectId);
    const scores = body.scores ?? Object.fromEntries(e.items.map((i) => [i.key, i.score]));
    const r = scoreEvaluation(items, scores, bands);
    const [row] = await tx
      .update(contractorEvaluations)
      .set({
        items: r.items,
        total: r.total,
        grade: r.grade,
        settlementPercent: r.settlementPercent,
        note: body.note ?? e.note,
        updatedAt: now,
        version: e.version + 1,
      })
      .where(eq(contractorEvaluations.id, e.id))
      .returning();
    await recordEvent(tx, userActor(auth), now, {
      action: 'contractor.evaluationUpdated',
      entityType: 'contractor',
      entityId: e.contractorId,
      projectId: e.projectId,
      before: { total: e.total, grade: e.grade },
      after: { total: r.total, grade: r.grade },
    });
    return row!;
  });
}

export async function presentEvaluations(db: DbOrTx, rows: EvaluationRow[]): Promise<ContractorEvaluation[]> {
  const ids = [...new Set(rows.map((r) => r.contractorId))];
  const people = [...new Set(rows.map((r) => r.evaluatedById).filter((x): x is number => x !== null))];
  const [names, who] = await Promise.all([
    ids.length
      ? db
          .select({ id: contractors.id, name: contractors.name })
          .from(contractors)
          .where(inArray(contractors.id, ids))
      : [],
    people.length
      ? db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, people))
      : [],
  ]);
  return rows.map((r) => ({
    id: r.id,
    projectId: r.projectId,
    contractorId: r.contractorId,
    contractorName: names.find((n) => n.id === r.contractorId)?.name ?? '',
    month: r.month,
    items: r.items,
    total: r.total,
    grade: r.grade,
    settlementPercent: r.settlementPercent,
    note: r.note,
    evaluatedByName: who.find((w) => w.id === r.evaluatedById)?.name ?? null,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  }));
}

export async function listEvaluations(
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
  const parts: (SQL | undefined)[] = [inArray(contractorEvaluations.projectId, scope.length ? scope : [-1])];
  if (q.contractorId) parts.push(eq(contractorEvaluations.contractorId, q.contractorId));
  if (q.month) parts.push(eq(contractorEvaluations.month, q.month));
  if (q.ids) parts.push(inArray(contractorEvaluations.id, q.ids));
  const where = and(...parts);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(contractorEvaluations)
      .where(where)
      .orderBy(desc(contractorEvaluations.month), asc(contractorEvaluations.contractorId))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(contractorEvaluations).where(where),
  ]);
  return {
    items: await presentEvaluations(db, rows),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * R12's contractor part: each active contractor's visits and evaluation for the month. Called by the
 * maintenance report; the caller checks the project is in scope.
 */
export async function contractorMonthSummary(
  db: DbOrTx,
  q: { projectId: number; month: string },
): Promise<ContractorMonthSummary> {
  const tz = await projectZone(db, q.projectId);
  const [list, evals, visits] = await Promise.all([
    db
      .select()
      .from(contractors)
      .where(and(eq(contractors.projectId, q.projectId), eq(contractors.active, true)))
      .orderBy(asc(contractors.id)),
    db
      .select()
      .from(contractorEvaluations)
      .where(and(eq(contractorEvaluations.projectId, q.projectId), eq(contractorEvaluations.month, q.month))),
    db
      .select({ contractorId: contractorVisits.contractorId, n: count() })
      .from(contractorVisits)
      .where(
        and(
          eq(contractorVisits.projectId, q.projectId),
          gte(contractorVisits.signedInAt, wallClockInstant(`${q.month}-01`, '00:00', tz)),
          lt(contractorVisits.signedInAt, wallClockInstant(nextMonth(q.month), '00:00', tz)),
        ),
      )
      .groupBy(contractorVisits.contractorId),
  ]);
  const rows = list.map((c) => {
    const e = evals.find((x) => x.contractorId === c.id);
    return {
      contractorId: c.id,
      name: c.name,
      trade: c.trade,
      visits: visits.find((v) => v.contractorId === c.id)?.n ?? 0,
      total: e?.total ?? null,
      grade: e?.grade ?? null,
    };
  });
  const scored = rows.filter((r) => r.total !== null);
  return {
    month: q.month,
    contractors: rows,
    averageScore: scored.length
      ? Math.round(scored.reduce((s, r) => s + (r.total ?? 0), 0) / scored.length)
      : null,
  };
}
