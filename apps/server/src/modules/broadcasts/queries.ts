import { and, count, desc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { AuthContext } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { offsetOf } from '../../platform/http/pagination';
import { scopeIds } from '../org/queries';
import type { ApprovalStatus, BroadcastApprovalRow, MessageTemplateRow } from './schema';
import { broadcastApprovals, messageTemplates } from './schema';

export async function approvalInScope(db: DbOrTx, auth: AuthContext, id: number, lock = false) {
  const q = db
    .select()
    .from(broadcastApprovals)
    .where(and(eq(broadcastApprovals.id, id), inArray(broadcastApprovals.projectId, scopeIds(auth))));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('Approval');
  return row;
}

export async function listApprovals(
  db: DbOrTx,
  auth: AuthContext,
  q: { projectId?: number; status?: ApprovalStatus; page: number; pageSize: number },
) {
  const where = and(
    inArray(broadcastApprovals.projectId, scopeIds(auth)),
    q.projectId ? eq(broadcastApprovals.projectId, q.projectId) : undefined,
    q.status ? eq(broadcastApprovals.status, q.status) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(broadcastApprovals)
      .where(where)
      .orderBy(desc(broadcastApprovals.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(broadcastApprovals).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export const presentApproval = (a: BroadcastApprovalRow) => ({
  id: a.id,
  projectId: a.projectId,
  kind: a.kind,
  title: a.title,
  noticeId: a.noticeId,
  recipients: a.recipients,
  threshold: a.threshold,
  status: a.status,
  requestedById: a.requestedById,
  requestedAt: a.requestedAt.toISOString(),
  decidedById: a.decidedById,
  decidedAt: a.decidedAt?.toISOString() ?? null,
  reason: a.reason,
  resultId: a.resultId,
  version: a.version,
});

/** A template the caller may see: company-wide ones, and the overrides of projects in their scope. */
export async function templateInScope(db: DbOrTx, auth: AuthContext, id: number, lock = false) {
  const q = db
    .select()
    .from(messageTemplates)
    .where(
      and(
        eq(messageTemplates.id, id),
        eq(messageTemplates.companyId, auth.companyId),
        or(isNull(messageTemplates.projectId), inArray(messageTemplates.projectId, scopeIds(auth))),
      ),
    );
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('Template');
  return row;
}

/**
 * The templates in force: with a projectId, the company's templates with that project's overrides
 * in their place (same code); without, every template the caller may see.
 */
export async function listTemplates(db: DbOrTx, auth: AuthContext, projectId?: number) {
  const projectFilter: SQL | undefined = projectId
    ? or(isNull(messageTemplates.projectId), eq(messageTemplates.projectId, projectId))
    : or(isNull(messageTemplates.projectId), inArray(messageTemplates.projectId, scopeIds(auth)));
  const rows = await db
    .select()
    .from(messageTemplates)
    .where(and(eq(messageTemplates.companyId, auth.companyId), projectFilter))
    .orderBy(messageTemplates.code, messageTemplates.id);
  if (!projectId) return rows.map((r) => presentTemplate(r, false));
  const overridden = new Set(rows.filter((r) => r.projectId !== null).map((r) => r.code));
  return rows
    .filter((r) => r.projectId !== null || !overridden.has(r.code))
    .map((r) =>
      presentTemplate(
        r,
        r.projectId === null ? false : rows.some((c) => c.projectId === null && c.code === r.code),
      ),
    );
}

export const presentTemplate = (t: MessageTemplateRow, overrides: boolean) => ({
  id: t.id,
  projectId: t.projectId,
  code: t.code,
  kind: t.kind,
  name: t.name,
  body: t.body,
  /** A project's own version of a company-wide template. */
  overrides,
  updatedAt: t.updatedAt.toISOString(),
  version: t.version,
});
