import { maskIdNumber, maskPhone } from '@guanjia/shared';
import type { Decoration, DecorationListQuery } from '@guanjia/shared/api';
import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { type AuthContext, assertInScope, can } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { scopeIds } from '../org/queries';
import { units } from '../org/schema';
import { actionsIn } from './rules/decoration-states';
import { type DecorationRow, decorationInspections, decorations, decorationWorkers } from './schema';

export async function decorationInScope(db: DbOrTx, auth: AuthContext, id: number, lock = false) {
  const query = db.select().from(decorations).where(eq(decorations.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Decoration');
  assertInScope(auth, row.projectId, 'Decoration');
  return row;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function presentSummaries(db: DbOrTx, rows: DecorationRow[], showPii: boolean) {
  if (!rows.length) return [];
  const us = await db
    .select({ id: units.id, label: units.label })
    .from(units)
    .where(inArray(units.id, [...new Set(rows.map((r) => r.unitId))]));
  const label = new Map(us.map((u) => [u.id, u.label]));
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    projectId: r.projectId,
    unitId: r.unitId,
    unitLabel: label.get(r.unitId) ?? '',
    applicantName: r.applicantName,
    applicantPhone: showPii ? r.applicantPhone : maskPhone(r.applicantPhone),
    company: r.company,
    companyLicence: r.companyLicence,
    foreman: r.foreman,
    foremanPhone: showPii ? r.foremanPhone : maskPhone(r.foremanPhone),
    scope: r.scope,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    planUploadIds: r.planUploadIds,
    state: r.state,
    agreementSignedAt: iso(r.agreementSignedAt),
    agreementSignedBy: r.agreementSignedBy,
    depositFen: r.depositFen,
    depositPaidAt: iso(r.depositPaidAt),
    depositRefundedAt: iso(r.depositRefundedAt),
    depositPaymentId: r.depositPaymentId,
    depositBillId: r.depositBillId,
    depositRefundId: r.depositRefundId,
    seepageTestAt: iso(r.seepageTestAt),
    seepagePassed: r.seepagePassed,
    waterTestStartedAt: iso(r.waterTestStartedAt),
    waterTestEndedAt: iso(r.waterTestEndedAt),
    waterTestResult: r.waterTestResult,
    waterTestNote: r.waterTestNote,
    source: r.source,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
    actions: actionsIn(r.state),
  }));
}

export async function presentDecoration(
  db: DbOrTx,
  auth: AuthContext,
  r: DecorationRow,
): Promise<Decoration> {
  const showPii = can(auth, 'pii.view');
  const [[summary], workers, inspections] = await Promise.all([
    presentSummaries(db, [r], showPii),
    db
      .select()
      .from(decorationWorkers)
      .where(eq(decorationWorkers.decorationId, r.id))
      .orderBy(asc(decorationWorkers.id)),
    db
      .select()
      .from(decorationInspections)
      .where(eq(decorationInspections.decorationId, r.id))
      .orderBy(desc(decorationInspections.day))
      .limit(400),
  ]);
  return {
    ...summary!,
    workers: workers.map((w) => ({
      id: w.id,
      name: w.name,
      idNumber: showPii ? w.idNumber : maskIdNumber(w.idNumber),
      phone: showPii ? w.phone : maskPhone(w.phone),
      trade: w.trade,
      passCode: w.passCode,
      revoked: w.revoked,
    })),
    inspections: inspections.map((i) => ({
      id: i.id,
      day: i.day,
      state: i.state,
      ok: i.ok,
      note: i.note,
      rectificationIds: i.rectificationIds,
      doneAt: iso(i.doneAt),
    })),
  };
}

export async function listDecorations(db: DbOrTx, auth: AuthContext, q: DecorationListQuery) {
  const ids = q.projectId ? scopeIds(auth).filter((id) => id === q.projectId) : scopeIds(auth);
  const where: SQL[] = [inArray(decorations.projectId, ids.length ? ids : [-1])];
  if (q.unitId) where.push(eq(decorations.unitId, q.unitId));
  if (q.state) where.push(eq(decorations.state, q.state));
  const cond = and(...where);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(decorations)
      .where(cond)
      .orderBy(desc(decorations.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(decorations).where(cond),
  ]);
  return {
    items: await presentSummaries(db, rows, can(auth, 'pii.view')),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
