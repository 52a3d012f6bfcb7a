import { and, count, desc, eq, gt, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuthContext } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { offsetOf } from '../../platform/http/pagination';
import { scopeIds } from '../org/queries';
import type { noticeListQuery } from './inputs';
import { type NoticeRow, noticeReads, notices } from './schema';

export function presentNotice(n: NoticeRow, now: Date, readCount = 0) {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: n.id,
    projectId: n.projectId,
    type: n.type,
    title: n.title,
    body: n.body,
    audience: n.audience,
    urgent: n.urgent,
    incidentId: n.incidentId,
    location: n.location,
    eventStartsAt: iso(n.eventStartsAt),
    eventEndsAt: iso(n.eventEndsAt),
    publishAt: iso(n.publishAt),
    expiresAt: n.expiresAt.toISOString(),
    expired: n.expiresAt.getTime() <= now.getTime(),
    status: n.status,
    reviewedById: n.reviewedById,
    reviewedAt: iso(n.reviewedAt),
    approvedById: n.approvedById,
    approvedAt: iso(n.approvedAt),
    rejectReason: n.rejectReason,
    publishedAt: iso(n.publishedAt),
    recipientCount: n.recipientCount,
    /** Residents who opened it in the portal (read receipts). */
    readCount,
    createdById: n.createdById,
    createdAt: n.createdAt.toISOString(),
    version: n.version,
  };
}

export async function noticeInScope(db: DbOrTx, auth: AuthContext, id: number, lock = false) {
  const q = db
    .select()
    .from(notices)
    .where(and(eq(notices.id, id), inArray(notices.projectId, scopeIds(auth))));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('Notice');
  return row;
}

export async function listNotices(
  db: DbOrTx,
  auth: AuthContext,
  q: z.infer<typeof noticeListQuery>,
  now: Date,
) {
  const scope = q.projectId ? scopeIds(auth).filter((p) => p === q.projectId) : scopeIds(auth);
  const where = and(
    inArray(notices.projectId, scope.length ? scope : [-1]),
    q.status ? eq(notices.status, q.status) : undefined,
    q.type ? eq(notices.type, q.type) : undefined,
    q.includeExpired ? undefined : gt(notices.expiresAt, now),
  );
  const [rows, [total]] = await Promise.all([
    db.select().from(notices).where(where).orderBy(desc(notices.id)).limit(q.pageSize).offset(offsetOf(q)),
    db.select({ n: count() }).from(notices).where(where),
  ]);
  const reads = rows.length
    ? await db
        .select({ noticeId: noticeReads.noticeId, n: count() })
        .from(noticeReads)
        .where(
          inArray(
            noticeReads.noticeId,
            rows.map((r) => r.id),
          ),
        )
        .groupBy(noticeReads.noticeId)
    : [];
  return { rows, total: total?.n ?? 0, reads: new Map(reads.map((r) => [r.noticeId, r.n])) };
}
